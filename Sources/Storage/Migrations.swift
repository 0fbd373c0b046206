import GRDB

/// The store's schema, as append-only named migrations: a migration that has shipped is never
/// edited; a change is a new migration after it. (v1 was reworked before its first release.)
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-comments-runs-assignments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run (
                        sequence INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('run', 'ingest', 'analyze')),
                        status TEXT NOT NULL CHECK (status IN ('reports_pending', 'complete', 'interrupted')),
                        report_id TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        corpus_sha256 TEXT NOT NULL,
                        framework_id TEXT,
                        framework_sha256 TEXT,
                        seed TEXT NOT NULL,
                        program_version TEXT NOT NULL,
                        icu_version TEXT NOT NULL,
                        rows_read INTEGER NOT NULL,
                        accepted INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        new_comments INTEGER NOT NULL,
                        changed_comments INTEGER NOT NULL,
                        unchanged_comments INTEGER NOT NULL,
                        timings TEXT NOT NULL,
                        warnings TEXT NOT NULL,
                        snapshot TEXT,
                        result TEXT,
                        CHECK (rows_read = accepted + rejected)
                    );
                    CREATE TABLE run_input (
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        position INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        PRIMARY KEY (run, position)
                    );
                    CREATE TABLE comment (
                        ordinal INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        text TEXT NOT NULL,
                        text_sha256 TEXT NOT NULL,
                        record_sha256 TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        goal TEXT,
                        created_at TEXT,
                        author TEXT,
                        parent_id TEXT,
                        labels TEXT NOT NULL,
                        labels_given INTEGER NOT NULL,
                        metadata TEXT NOT NULL,
                        source_file TEXT NOT NULL,
                        source_line INTEGER NOT NULL,
                        id_was_derived INTEGER NOT NULL,
                        first_run INTEGER NOT NULL REFERENCES run(sequence),
                        changed_run INTEGER NOT NULL REFERENCES run(sequence)
                    );
                    CREATE TABLE comment_version (
                        comment_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        text_sha256 TEXT NOT NULL,
                        record_sha256 TEXT NOT NULL,
                        goal TEXT,
                        source_file TEXT NOT NULL,
                        source_line INTEGER NOT NULL,
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        superseded_run INTEGER NOT NULL REFERENCES run(sequence),
                        PRIMARY KEY (comment_id, version)
                    );
                    CREATE TABLE assignment (
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        comment_id TEXT NOT NULL,
                        rank INTEGER NOT NULL,
                        measure_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        score REAL NOT NULL,
                        confidence REAL NOT NULL,
                        evidence TEXT NOT NULL,
                        PRIMARY KEY (run, comment_id, rank)
                    );
                    CREATE TABLE topic (
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        topic_id TEXT NOT NULL,
                        goal TEXT,
                        label TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        keywords TEXT NOT NULL,
                        PRIMARY KEY (run, topic_id)
                    );
                    CREATE TABLE rejected_row (
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        position INTEGER NOT NULL,
                        file TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        comment_id TEXT,
                        reason TEXT NOT NULL,
                        excerpt TEXT NOT NULL,
                        PRIMARY KEY (run, position)
                    );
                    CREATE TABLE review_decision (
                        position INTEGER PRIMARY KEY,
                        comment_id TEXT NOT NULL,
                        measure_id TEXT,
                        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'assign')),
                        reviewer TEXT,
                        decided_at TEXT,
                        imported_run INTEGER REFERENCES run(sequence)
                    );
                    CREATE TABLE store_meta (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    CREATE INDEX assignment_by_measure ON assignment(run, measure_id);
                    """)
        }
        migrator.registerMigration("v2-review-decision-source") { db in
            try db.execute(
                sql: """
                    ALTER TABLE review_decision ADD COLUMN source_file TEXT NOT NULL DEFAULT '';
                    ALTER TABLE review_decision ADD COLUMN source_line INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE review_decision ADD COLUMN imported_at TEXT NOT NULL DEFAULT '';
                    CREATE INDEX review_decision_by_comment ON review_decision(comment_id, measure_id);
                    """)
        }
        // A run's result in parts: as one value it passes SQLite's limit of 1 GB per value at
        // about a million comments.
        migrator.registerMigration("v3-run-result-parts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run_result_part (
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        position INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (run, position)
                    );
                    """)
        }
        // Audits: a stratified random sample drawn from a run's result for people to review
        // completely; the run's comments (first_run <= run) are the frame it was drawn from.
        migrator.registerMigration("v4-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY,
                        run INTEGER NOT NULL REFERENCES run(sequence),
                        drawn_at TEXT NOT NULL,
                        seed TEXT NOT NULL,
                        size INTEGER NOT NULL
                    );
                    CREATE TABLE audit_stratum (
                        audit INTEGER NOT NULL REFERENCES audit(id),
                        stratum TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        PRIMARY KEY (audit, stratum)
                    );
                    CREATE TABLE audit_sample (
                        audit INTEGER NOT NULL REFERENCES audit(id),
                        comment_id TEXT NOT NULL,
                        stratum TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (audit, comment_id)
                    );
                    """)
        }
        // Withdrawn comments (moderation, or a request under Art. 17 GDPR): their text is gone
        // from every table; the tombstone keeps a later export from bringing them back. A run's
        // intake (columns used, superseded and withdrawn rows) as JSON, for a later `analyze`.
        migrator.registerMigration("v5-withdrawn") { db in
            try db.execute(
                sql: """
                    CREATE TABLE withdrawn (
                        comment_id TEXT PRIMARY KEY,
                        withdrawn_at TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        record_sha256 TEXT NOT NULL
                    );
                    ALTER TABLE run ADD COLUMN intake TEXT;
                    """)
        }
        // The format of each run's stored result (``ResultFormat``); NULL for results stored
        // before, which are format 1.
        migrator.registerMigration("v6-result-format") { db in
            try db.execute(sql: "ALTER TABLE run ADD COLUMN result_format INTEGER")
        }
        return migrator
    }
}
