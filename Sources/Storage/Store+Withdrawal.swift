import Foundation
import GRDB

/// A withdrawn comment as the store remembers it: no text, only that it was there.
public struct Tombstone: Sendable, Equatable {
    public var commentID: String
    public var withdrawnAt: String
    public var reason: String
    /// The record hash of the comment's last version (``CorpusMerge/recordHash(_:)``).
    public var recordSHA256: String
}

extension Store {
    /// Withdraws the comments `ids`: deletes every row that holds their text or refers to them
    /// (the comment, its versions, its assignments, rejected rows with its id, review decisions,
    /// audit samples) with SQLite's `secure_delete` on, and keeps a tombstone (id, time, reason,
    /// record hash) so that a later export does not bring them back. Ids the store does not hold
    /// get a tombstone too (a request may come before the export). Returns the ids that were
    /// stored. A stored result of format 2 (``ResultFormat``) holds no comment text; until the
    /// next analysis replaces it, it still names the comments, and one of format 1 (stored by an
    /// earlier version) and a result's rejected rows still hold their texts. The freed pages keep
    /// the deleted bytes until ``purgeFreedPages()`` rewrites the file.
    @discardableResult
    public func withdraw(_ ids: [String], reason: String, at time: String) throws(StorageError) -> [String] {
        try write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var stored: [String] = []
            for id in ids {
                let hash = try String.fetchOne(db, sql: "SELECT record_sha256 FROM comment WHERE id = ?", arguments: [id])
                if hash != nil { stored.append(id) }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO withdrawn (comment_id, withdrawn_at, reason, record_sha256) VALUES (?, ?, ?, ?)",
                    arguments: [id, time, reason, hash ?? ""])
                for table in ["comment_version", "review_decision", "audit_sample"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE comment_id = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM assignment WHERE comment_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM rejected_row WHERE comment_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM comment WHERE id = ?", arguments: [id])
            }
            return stored
        }
    }

    /// Every tombstone, by comment id.
    public func tombstones() throws(StorageError) -> [String: Tombstone] {
        try read { db in
            var result: [String: Tombstone] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM withdrawn") {
                let id: String = row["comment_id"]
                result[id] = Tombstone(
                    commentID: id, withdrawnAt: row["withdrawn_at"], reason: row["reason"], recordSHA256: row["record_sha256"])
            }
            return result
        }
    }

    /// Rewrites the store without its freed pages (`VACUUM`) and empties the write-ahead log, so
    /// that no deleted text is left anywhere in the files.
    public func purgeFreedPages() throws(StorageError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try db.execute(sql: "VACUUM")
            }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
        try checkpoint()
    }
}
