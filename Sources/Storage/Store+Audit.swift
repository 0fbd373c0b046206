import Analytics
import Foundation
import GRDB

/// An audit as the store keeps it (``Store/recordAudit(_:)``).
public struct StoredAudit: Sendable, Equatable {
    public var run: Int
    public var drawnAt: String
    public var seed: UInt64
    /// Sampled comment ids in drawing order, with their strata.
    public var sample: [(id: String, stratum: String)]
    public var stratumSizes: [String: Int]

    public init(run: Int, drawnAt: String, seed: UInt64, sample: [(id: String, stratum: String)], stratumSizes: [String: Int]) {
        self.run = run
        self.drawnAt = drawnAt
        self.seed = seed
        self.sample = sample
        self.stratumSizes = stratumSizes
    }

    public static func == (lhs: StoredAudit, rhs: StoredAudit) -> Bool {
        lhs.run == rhs.run && lhs.drawnAt == rhs.drawnAt && lhs.seed == rhs.seed && lhs.stratumSizes == rhs.stratumSizes
            && lhs.sample.map(\.id) == rhs.sample.map(\.id) && lhs.sample.map(\.stratum) == rhs.sample.map(\.stratum)
    }
}

extension Store {
    /// Stores an audit drawn from run `audit.run`; returns its id. A later audit replaces an
    /// earlier one in the reports (``latestAudit()``).
    @discardableResult
    public func recordAudit(_ audit: StoredAudit) throws(StorageError) -> Int {
        try write { db in
            try db.execute(
                sql: "INSERT INTO audit (run, drawn_at, seed, size) VALUES (?, ?, ?, ?)",
                arguments: [audit.run, audit.drawnAt, String(audit.seed), audit.sample.count])
            let id = Int(db.lastInsertedRowID)
            for (stratum, size) in audit.stratumSizes.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO audit_stratum (audit, stratum, size) VALUES (?, ?, ?)", arguments: [id, stratum, size])
            }
            for (position, item) in audit.sample.enumerated() {
                try db.execute(
                    sql: "INSERT INTO audit_sample (audit, comment_id, stratum, position) VALUES (?, ?, ?, ?)",
                    arguments: [id, item.id, item.stratum, position])
            }
            return id
        }
    }

    /// The latest audit, or nil when none was drawn.
    public func latestAudit() throws(StorageError) -> StoredAudit? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT 1") else { return nil }
            let id: Int = row["id"]
            var sizes: [String: Int] = [:]
            for stratum in try Row.fetchAll(db, sql: "SELECT stratum, size FROM audit_stratum WHERE audit = ?", arguments: [id]) {
                sizes[stratum["stratum"]] = stratum["size"]
            }
            let sample = try Row.fetchAll(
                db, sql: "SELECT comment_id, stratum FROM audit_sample WHERE audit = ? ORDER BY position", arguments: [id]
            ).map { (id: $0["comment_id"] as String, stratum: $0["stratum"] as String) }
            return StoredAudit(
                run: row["run"], drawnAt: row["drawn_at"], seed: UInt64(row["seed"] as String) ?? 0, sample: sample,
                stratumSizes: sizes)
        }
    }

    /// Ids of the comments stored by run `sequence` or earlier: the frame of an audit drawn then.
    public func commentIDs(storedBy sequence: Int) throws(StorageError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM comment WHERE first_run <= ?", arguments: [sequence])) }
    }

    /// The sequence of the latest finished analysis (the run whose result reports show).
    public func latestAnalysedRun() throws(StorageError) -> Int? {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT max(sequence) FROM run WHERE status = 'complete' AND kind IN ('run', 'analyze')")
        }
    }
}
