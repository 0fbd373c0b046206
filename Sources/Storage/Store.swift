import Analytics
import Corpus
import Foundation
import GRDB

/// The SQLite store of comments and runs; the only place in Resonanz that talks to SQLite.
///
/// One file in WAL mode, opened through GRDB on the system libsqlite3, with the schema of
/// ``Migrations``. Every run writes everything it has to say in one transaction
/// (``commit(_:)``), so a process killed at any moment leaves either the whole run or none of it;
/// `resonanz run` then flips the run to `complete` once its reports are in place.
public final class Store: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Bytes per stored part of a run's result (smaller in tests, to make many parts).
    let resultPartBytes: Int

    /// Opens (and creates or migrates) the store at `path`; its folder must exist.
    ///
    /// A run's result is stored in parts of 4 MB: far below SQLite's limit of 1 GB per value,
    /// and small enough that the copies a part passes through on its way into SQLite (the
    /// encoder's buffer, the bound value) add little to a run's peak memory; 64 MB parts added
    /// about 200 MB at the end of a run (docs/performance.md).
    public convenience init(path: String) throws(StorageError) {
        try self.init(path: path, resultPartBytes: 4 << 20)
    }

    init(path: String, resultPartBytes: Int) throws(StorageError) {
        precondition(resultPartBytes > 0, "parts need bytes")
        self.path = path
        self.resultPartBytes = resultPartBytes
        try Self.checkOwnership(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.checkSoundness(pool, path: path)
            try Migrations.migrator.migrate(pool)
            try pool.writeWithoutTransaction { db in
                if try Int64.fetchOne(db, sql: "PRAGMA application_id") != Int64(Self.applicationID) {
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                }
            }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }

    /// SQLite's `application_id` of a Resonanz store (the bytes `RSNZ`), in the file's header.
    static let applicationID: Int32 = 0x5253_4E5A
    /// The first migration of every Resonanz store: a store from before the application id has it.
    static let firstMigration = "v1-comments-runs-assignments"

    /// Refuses a file that is not a Resonanz store before anything writes to it (opening the
    /// pool would switch it to WAL and the migrator would add its tables): an empty or missing
    /// file becomes a new store; an SQLite file must carry Resonanz's application id, or (a store
    /// from before the id) list Resonanz's first migration, or hold no table at all.
    static func checkOwnership(_ path: String) throws(StorageError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        guard !header.isEmpty else { return }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw .foreign(path: path, reason: "it is not an SQLite database")
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if id == UInt32(bitPattern: applicationID) { return }
        if id != 0 { throw .foreign(path: path, reason: "it is the database of another program (application id \(id))") }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if tables.isEmpty { return }
            if tables.contains("grdb_migrations") {
                let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
                if applied.contains(firstMigration) { return }
            }
            throw StorageError.foreign(
                path: path,
                reason: "it is an SQLite database of another program (\(tables.count) tables, none of a Resonanz store)")
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }

    /// Fails on a damaged file before a run relies on it: SQLite's `integrity_check` for stores up
    /// to ``fullCheckBytes`` (it also finds index entries that disagree with their table),
    /// `quick_check` (the structure of every page, in one pass) beyond.
    static func checkSoundness(_ pool: DatabasePool, path: String) throws {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let pragma = bytes <= fullCheckBytes ? "integrity_check(20)" : "quick_check(20)"
        let findings: [String]
        do {
            findings = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA \(pragma)") }
        } catch let error as DatabaseError {
            // A page so damaged that the check itself stops.
            findings = [error.message ?? "\(error.resultCode)"]
        }
        guard findings == ["ok"] else {
            throw StorageError.corrupt(
                path: path,
                what: "SQLite's \(pragma) reports: " + findings.prefix(3).joined(separator: "; ")
                    + " (restore a backup, or start a new store)")
        }
    }

    /// Stores up to this size get the full integrity check at open (a few seconds at most).
    static let fullCheckBytes = 256 << 20

    /// Folds the write-ahead log into the database and truncates it, so a store at rest is one
    /// file of its own size (`PRAGMA wal_checkpoint(TRUNCATE)`); for the end of a command.
    public func checkpoint() throws(StorageError) {
        do {
            try pool.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }

    // MARK: - Reading

    /// All comments, in order of first arrival, with the record hashes of their earlier versions.
    public func comments() throws(StorageError) -> [StoredComment] {
        try read { db in
            var previous: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT comment_id, record_sha256 FROM comment_version") {
                previous[row["comment_id"], default: []].insert(row["record_sha256"])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM comment ORDER BY ordinal").map { row in
                var stored = try self.storedComment(row)
                stored.previousRecordHashes = previous[stored.comment.id] ?? []
                return stored
            }
        }
    }

    /// The ids of all stored comments (without reading their texts).
    public func commentIDs() throws(StorageError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM comment")) }
    }

    /// The framework the store belongs to, once a run has stored one.
    public func frameworkID() throws(StorageError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'framework_id'") }
    }

    /// Rows, rejected rows, warnings and inputs of the ingests since the latest finished analysis.
    public func pendingIntake() throws(StorageError) -> PendingIntake {
        try read { db in
            let since =
                try Int.fetchOne(
                    db, sql: "SELECT max(sequence) FROM run WHERE status = 'complete' AND kind IN ('run', 'analyze')") ?? 0
            let runs = try Row.fetchAll(
                db,
                sql:
                    "SELECT sequence, rows_read, warnings, intake FROM run WHERE kind = 'ingest' AND status = 'complete' AND sequence > ? ORDER BY sequence",
                arguments: [since])
            var pending = PendingIntake(intake: Intake(rowsRead: 0, rejected: [], warnings: []), inputs: [])
            for run in runs {
                let sequence: Int = run["sequence"]
                pending.intake.rowsRead += run["rows_read"] as Int
                pending.intake.warnings += try self.decode(run["warnings"], what: "run warnings") as [IngestWarning]
                if let text = run["intake"] as String? {
                    let intake: StoredIntake = try self.decode(text, what: "run intake")
                    pending.intake.columns += intake.columns
                    pending.intake.superseded += intake.supersededRows
                    pending.intake.withdrawnRows += intake.withdrawnRows
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM rejected_row WHERE run = ? ORDER BY position", arguments: [sequence])
                {
                    pending.intake.rejected.append(
                        RejectedRow(
                            source: SourceLocation(file: row["file"], line: row["line"]), id: row["comment_id"],
                            reason: row["reason"], excerpt: row["excerpt"]))
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT path, sha256 FROM run_input WHERE run = ? ORDER BY position", arguments: [sequence])
                {
                    pending.inputs.append(InputFile(path: row["path"], sha256: row["sha256"]))
                }
            }
            return pending
        }
    }

    /// The latest finished analysis whose corpus hash is not `corpusSHA256`.
    public func baseline(differentFrom corpusSHA256: String) throws(StorageError) -> Baseline? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT sequence, snapshot FROM run
                        WHERE status = 'complete' AND snapshot IS NOT NULL AND corpus_sha256 != ?
                        ORDER BY sequence DESC LIMIT 1
                        """, arguments: [corpusSHA256])
            else { return nil }
            let snapshot: RunSnapshot = try self.decode(row["snapshot"], what: "run snapshot")
            return Baseline(sequence: row["sequence"], snapshot: snapshot)
        }
    }

    /// The result of the latest finished analysis, for re-rendering its reports: its parts
    /// joined in order (or, from a store written before results came in parts, its one value),
    /// read in its format (``ResultFormat``).
    public func latestResult() throws(StorageError) -> RunResult? {
        try read { db -> RunResult? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT sequence, result, result_format FROM run WHERE status = 'complete'
                            AND (result IS NOT NULL OR EXISTS (SELECT 1 FROM run_result_part WHERE run = sequence))
                        ORDER BY sequence DESC LIMIT 1
                        """)
            else { return nil }
            var data = Data()
            if let text: String = row["result"] {
                data = Data(text.utf8)
            } else {
                let parts = try Data.fetchCursor(
                    db, sql: "SELECT data FROM run_result_part WHERE run = ? ORDER BY position", arguments: [row["sequence"]])
                while let part = try parts.next() { data.append(part) }
            }
            let format: Int = row["result_format"] ?? 1
            guard format <= ResultFormat.current, let json = ResultFormat.json(data, format: format),
                var result = try? JSONDecoder().decode(RunResult.self, from: json)
            else {
                throw StorageError.corrupt(
                    path: self.path,
                    what:
                        "the latest analysis, stored by another version of resonanz; run `resonanz analyze` (or `run`) to redo it"
                )
            }
            if format >= 2 {
                let texts = try Self.texts(db, asOf: row["sequence"])
                do throws(ResultFormat.MissingComment) {
                    result = try ResultFormat.restoringTexts(result) { texts[$0] }
                } catch {
                    throw StorageError.corrupt(
                        path: self.path,
                        what:
                            "the latest analysis holds comment \(Untrusted.quoted(error.id)), which the store no longer has; run `resonanz analyze` to redo it"
                    )
                }
            }
            // A result stored by an earlier version gets what it lacks as a run computes it.
            return AnalysisPipeline.upgraded(result)
        }
    }

    /// The text of every comment stored by run `sequence`, as it stood then: the current text
    /// when it last changed at or before that run, else the version that was current then.
    static func texts(_ db: Database, asOf sequence: Int) throws -> [String: String] {
        var texts: [String: String] = [:]
        let current = try Row.fetchCursor(
            db, sql: "SELECT id, text FROM comment WHERE changed_run <= ?", arguments: [sequence])
        while let row = try current.next() { texts[row[0]] = row[1] }
        let earlier = try Row.fetchCursor(
            db, sql: "SELECT comment_id, text FROM comment_version WHERE run <= ? AND superseded_run > ?",
            arguments: [sequence, sequence])
        while let row = try earlier.next() { texts[row[0]] = row[1] }
        return texts
    }

    /// The run history, oldest first.
    public func history() throws(StorageError) -> [RunHistoryEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY sequence").map { row in
                RunHistoryEntry(
                    sequence: row["sequence"], kind: RunKind(rawValue: row["kind"]) ?? .run, status: row["status"],
                    startedAt: row["started_at"], rowsRead: row["rows_read"], accepted: row["accepted"],
                    rejected: row["rejected"], newComments: row["new_comments"], changedComments: row["changed_comments"])
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `ok` for a sound file.
    public func integrityCheck() throws(StorageError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    /// Runs whose process died after storing them but before their reports were in place.
    public func pendingRuns() throws(StorageError) -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT sequence FROM run WHERE status = 'reports_pending' ORDER BY sequence")
        }
    }

    /// The sequence the next run will get.
    public func nextSequence() throws(StorageError) -> Int {
        try read { db in (try Int.fetchOne(db, sql: "SELECT max(sequence) FROM run") ?? 0) + 1 }
    }

    // MARK: - Writing

    /// Writes a run, its comments, inputs, rejected rows and assignments in one transaction and
    /// returns the run's sequence. A `run` is stored as `reports_pending` until
    /// ``markComplete(_:finishedAt:)``; other kinds are complete at once. `threads` encode the
    /// result (the stored bytes do not depend on it).
    @discardableResult
    public func commit(_ record: RunRecord, threads: Int = 1) throws(StorageError) -> Int {
        // What the new comments' rows need beyond their fields (hashes, JSON columns), made on
        // `threads` threads before the transaction, which then only inserts.
        let newColumns: [DerivedColumns]
        do {
            newColumns = try ParallelMap.map(count: record.changes.new.count, threads: threads) {
                (range: Range<Int>) throws -> [DerivedColumns] in
                try range.map { try DerivedColumns(record.changes.new[$0]) }
            }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
        return try write { db in
            // A run left pending holds no lock any more: its process died. Its comments stay.
            try db.execute(sql: "UPDATE run SET status = 'interrupted' WHERE status = 'reports_pending'")
            if let frameworkID = record.frameworkID {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO store_meta (key, value) VALUES ('framework_id', ?)", arguments: [frameworkID])
            }
            let status = record.kind == .run ? "reports_pending" : "complete"
            let json = JSONText()
            let snapshot = try record.result.map { try json(RunSnapshot($0)) }
            let timings = try json(record.timings.map { [$0.stage: $0.seconds] })
            let warnings = try json(record.warnings)
            let intake = try json(
                StoredIntake(columns: record.columns, supersededRows: record.supersededRows, withdrawnRows: record.withdrawnRows))
            try db.execute(
                sql: """
                    INSERT INTO run (kind, status, report_id, started_at, corpus_sha256, framework_id, framework_sha256,
                        seed, program_version, icu_version, rows_read, accepted, rejected, new_comments, changed_comments,
                        unchanged_comments, timings, warnings, snapshot, result, intake, result_format)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.kind.rawValue, status, record.reportID, record.startedAt, record.corpusSHA256, record.frameworkID,
                    record.frameworkSHA256, String(record.seed), record.programVersion, record.icuVersion, record.rowsRead,
                    record.accepted, record.rejectedRows.count, record.changes.new.count, record.changes.changed.count,
                    record.changes.unchanged + record.changes.stale, timings, warnings, snapshot, nil, intake,
                    record.result == nil ? nil : ResultFormat.current,
                ])
            let sequence = Int(db.lastInsertedRowID)
            if let result = record.result {
                var position = 0
                try ResultEncoding.encode(result, partBytes: self.resultPartBytes, threads: threads) { data in
                    try db.execute(
                        sql: "INSERT INTO run_result_part (run, position, data) VALUES (?, ?, ?)",
                        arguments: [sequence, position, data])
                    position += 1
                }
            }
            for (position, input) in record.inputs.enumerated() {
                try db.execute(
                    sql: "INSERT INTO run_input (run, position, path, sha256) VALUES (?, ?, ?, ?)",
                    arguments: [sequence, position, input.path, input.sha256])
            }
            for (position, row) in record.rejectedRows.enumerated() {
                try db.execute(
                    sql:
                        "INSERT INTO rejected_row (run, position, file, line, comment_id, reason, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [sequence, position, row.source.file, row.source.line, row.id, row.reason, row.excerpt])
            }
            for comment in record.changes.changed {
                try db.execute(
                    sql: """
                        INSERT INTO comment_version (comment_id, version, text, text_sha256, record_sha256, goal, source_file,
                            source_line, run, superseded_run)
                        SELECT id, version, text, text_sha256, record_sha256, goal, source_file, source_line, changed_run, ?
                        FROM comment WHERE id = ?
                        """, arguments: [sequence, comment.id])
                try db.execute(
                    sql: """
                        UPDATE comment SET text = ?, text_sha256 = ?, record_sha256 = ?, version = version + 1, goal = ?,
                            created_at = ?, author = ?,
                            parent_id = ?, labels = ?, labels_given = ?, metadata = ?, source_file = ?, source_line = ?,
                            changed_run = ?
                        WHERE id = ?
                        """,
                    arguments: try self.commentColumns(comment, DerivedColumns(comment)) + [sequence, comment.id])
            }
            // Statements compiled once for the many rows of a large run.
            let insertComment = try db.cachedStatement(
                sql: """
                    INSERT INTO comment (text, text_sha256, record_sha256, goal, created_at, author, parent_id, labels,
                        labels_given, metadata, source_file, source_line, id, version, id_was_derived, first_run, changed_run)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                    """)
            for (comment, derived) in zip(record.changes.new, newColumns) {
                try insertComment.execute(
                    arguments: self.commentColumns(comment, derived) + [comment.id, comment.idWasDerived, sequence, sequence])
            }
            // Assignments are stored once per analysis (report id); a repeat run refers to them.
            let repeated =
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT EXISTS (SELECT 1 FROM assignment JOIN run ON run.sequence = assignment.run WHERE run.report_id = ?)",
                    arguments: [record.reportID]) ?? false
            if let result = record.result, !repeated {
                for topic in result.topics {
                    try db.execute(
                        sql: "INSERT INTO topic (run, topic_id, goal, label, size, keywords) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [
                            sequence, topic.id, topic.goal, topic.label, topic.size, try json(topic.keywords.map(\.display)),
                        ])
                }
                // Each assignment's evidence as JSON, on `threads` threads, only when it is stored.
                let comments = result.comments
                let evidence = try ParallelMap.map(count: comments.count, threads: threads) {
                    (range: Range<Int>) throws -> [[String]] in
                    let json = JSONText()
                    return try range.map { index in try comments[index].assignments.map { try json($0.evidence) } }
                }
                let insertAssignment = try db.cachedStatement(
                    sql: """
                        INSERT INTO assignment (run, comment_id, rank, measure_id, status, score, confidence, evidence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for (comment, evidence) in zip(result.comments, evidence) {
                    for (rank, (assignment, evidence)) in zip(comment.assignments, evidence).enumerated() {
                        try insertAssignment.execute(
                            arguments: [
                                sequence, comment.id, rank, assignment.measureID, comment.status.rawValue, assignment.score,
                                assignment.confidence, evidence,
                            ])
                    }
                }
            }
            if status == "complete" && record.result != nil { try Self.dropOlderResults(db, keeping: sequence) }
            return sequence
        }
    }

    /// Marks a `run` complete once its reports are in place.
    public func markComplete(_ sequence: Int, finishedAt: String) throws(StorageError) {
        try write { db in
            try db.execute(
                sql: "UPDATE run SET status = 'complete', finished_at = ? WHERE sequence = ?", arguments: [finishedAt, sequence])
            try Self.dropOlderResults(db, keeping: sequence)
        }
    }

    /// Only the latest complete run keeps its whole result (for `resonanz report`); older runs
    /// keep their snapshot, counts and assignments, so the store grows by little per night.
    private static func dropOlderResults(_ db: Database, keeping sequence: Int) throws {
        try db.execute(sql: "UPDATE run SET result = NULL WHERE sequence < ? AND result IS NOT NULL", arguments: [sequence])
        try db.execute(sql: "DELETE FROM run_result_part WHERE run < ?", arguments: [sequence])
    }

    // MARK: - Helpers

    /// The `intake` column of a run.
    private struct StoredIntake: Codable {
        var columns: [ColumnUse]
        var supersededRows: Int
        var withdrawnRows: Int
    }

    /// The columns of a comment's row that are made from its fields: the text's and the
    /// record's hashes, and its labels and metadata as JSON.
    private struct DerivedColumns: Sendable {
        var textSHA256: String
        var recordSHA256: String
        var labels: String
        var metadata: String

        init(_ comment: Comment) throws {
            let json = JSONText()
            textSHA256 = ContentHash.sha256(comment.text)
            recordSHA256 = CorpusMerge.recordHash(comment)
            labels = try json(comment.labels)
            metadata = try json(comment.metadata)
        }
    }

    /// The comment's columns in the order the INSERT and UPDATE statements above list them.
    private func commentColumns(_ comment: Comment, _ derived: DerivedColumns) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            comment.text, derived.textSHA256, derived.recordSHA256, comment.goal, comment.createdAt, comment.author,
            comment.parentID, derived.labels, comment.labelsGiven, derived.metadata, comment.source.file, comment.source.line,
        ]
        return StatementArguments(values)
    }

    private func storedComment(_ row: Row) throws -> StoredComment {
        let comment = Comment(
            id: row["id"], text: row["text"], goal: row["goal"], createdAt: row["created_at"], author: row["author"],
            parentID: row["parent_id"], labels: try decode(row["labels"], what: "labels"), labelsGiven: row["labels_given"],
            metadata: try decode(row["metadata"], what: "metadata"),
            source: SourceLocation(file: row["source_file"], line: row["source_line"]), idWasDerived: row["id_was_derived"])
        return StoredComment(
            comment: comment, ordinal: row["ordinal"], version: row["version"],
            recordSHA256: row["record_sha256"], firstRun: row["first_run"], changedRun: row["changed_run"])
    }

    private func decode<Value: Decodable>(_ text: String?, what: String) throws -> Value {
        guard let text, let value = try? JSONDecoder().decode(Value.self, from: Data(text.utf8)) else {
            throw StorageError.corrupt(path: path, what: what)
        }
        return value
    }

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }
}

/// JSON text of a value with sorted keys, as the store's JSON columns hold it: the bytes of
/// Foundation's `JSONEncoder` with `.sortedKeys` (``SortedJSONEncoder``).
struct JSONText {
    func callAsFunction<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try SortedJSONEncoder().encode(value), as: UTF8.self)
    }
}
