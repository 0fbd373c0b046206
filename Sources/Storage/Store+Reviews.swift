import Corpus
import GRDB

/// Review decisions: appended in import order, never edited; for each (comment, measure) the
/// latest decision counts.
extension Store {
    /// What an import added.
    public struct ReviewImport: Sendable, Equatable {
        /// Decisions stored.
        public var added: Int
        /// Decisions equal to the latest stored one on the same (comment, measure): same decision,
        /// reviewer and date. Importing a file twice changes nothing; changing one's mind back
        /// (accept, reject, accept) is stored.
        public var repeated: Int

        public init(added: Int, repeated: Int) {
            self.added = added
            self.repeated = repeated
        }
    }

    /// Every stored decision, oldest first.
    public func reviewDecisions() throws(StorageError) -> [ReviewDecision] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT comment_id, measure_id, decision, reviewer, decided_at, source_file, source_line
                    FROM review_decision ORDER BY position
                    """
            ).map { row in
                guard let decision = ReviewDecision.Kind(rawValue: row["decision"]) else {
                    throw StorageError.corrupt(path: path, what: "review decision '\(String(describing: row["decision"]))'")
                }
                return ReviewDecision(
                    commentID: row["comment_id"], measureID: row["measure_id"] ?? "", decision: decision,
                    reviewer: row["reviewer"], date: row["decided_at"],
                    source: SourceLocation(file: row["source_file"], line: row["source_line"]))
            }
        }
    }

    /// Appends `decisions` in one transaction, skipping those that repeat the pair's latest decision.
    public func importReviews(_ decisions: [ReviewDecision], importedAt: String) throws(StorageError) -> ReviewImport {
        try write { db in
            var result = ReviewImport(added: 0, repeated: 0)
            for decision in decisions {
                let latest = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT decision, reviewer, decided_at FROM review_decision WHERE comment_id = ? AND measure_id = ?
                        ORDER BY position DESC LIMIT 1
                        """,
                    arguments: [decision.commentID, decision.measureID])
                let repeats =
                    latest.map { row in
                        (row["decision"] as String?) == decision.decision.rawValue
                            && (row["reviewer"] as String?) == decision.reviewer
                            && (row["decided_at"] as String?) == decision.date
                    } ?? false
                if repeats {
                    result.repeated += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO review_decision (comment_id, measure_id, decision, reviewer, decided_at, source_file,
                            source_line, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        decision.commentID, decision.measureID, decision.decision.rawValue, decision.reviewer, decision.date,
                        decision.source.file, decision.source.line, importedAt,
                    ])
                result.added += 1
            }
            return result
        }
    }
}
