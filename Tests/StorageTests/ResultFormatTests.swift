import Analytics
import Corpus
import Foundation
import GRDB
import Testing
import _TestSupport

@testable import Storage

/// Tests ``ResultFormat``: what a stored result holds, how it is read back, and that its keys
/// stay what the format says they are.
struct ResultFormatTests {
    /// ``StoreTests/record(_:corpus:kind:rejected:)`` with `result`.
    func record(_ changes: CommentChanges, kind: RunKind, result: RunResult?) -> RunRecord {
        var record = StoreTests().record(changes, corpus: "c", kind: kind)
        record.result = result
        return record
    }

    static func storedParts(_ path: String) throws -> Data {
        try DatabaseQueue(path: path).read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM run_result_part ORDER BY run, position").reduce(Data(), +)
        }
    }

    /// A result is stored without a comment's text; read back, every text is the one the
    /// comment had at the run: a later change of the comment does not reach it, and a result
    /// that names a comment the store no longer holds is refused, not shown without it.
    @Test func aStoredResultHoldsNoTextAndReadsTheTextsAsTheyStoodAtItsRun() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let store = try Store(path: path, resultPartBytes: 700)
        let comments = try MiniRun.comments()
        let result = try MiniRun.result()
        try store.commit(record(CommentChanges(new: comments), kind: .analyze, result: result))

        let stored = String(decoding: try Self.storedParts(path), as: UTF8.self)
        let texts = comments.map(\.text).filter { $0.count >= 12 }
        #expect(!texts.isEmpty && texts.allSatisfy { !stored.contains($0) })
        let format = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT result_format FROM run") }
        #expect(format == ResultFormat.current)

        var read = try #require(try store.latestResult())
        #expect(read.comments == result.comments && read.goals == result.goals && read.topics == result.topics)

        // A later ingest changes a quoted comment: the stored analysis still shows what it analysed.
        let quoted = try #require(result.goals.flatMap(\.measures).flatMap(\.representativeComments).first)
        var changed = try #require(comments.first { $0.id == quoted.commentID })
        changed.text = "Ganz anders: " + changed.text
        try store.commit(record(CommentChanges(changed: [changed]), kind: .ingest, result: nil))
        read = try #require(try store.latestResult())
        #expect(read.comments == result.comments && read.goals == result.goals && read.topics == result.topics)
        #expect(try store.comments().first { $0.comment.id == quoted.commentID }?.comment.text == changed.text)

        // Withdrawn before the analysis was redone: refused, naming the comment.
        try store.withdraw([quoted.commentID], reason: "test", at: "2026-11-27T00:00:00Z")
        let error = #expect(throws: StorageError.self) { _ = try store.latestResult() }
        guard case .corrupt(_, let what)? = error else {
            Issue.record("not refused as corrupt: \(String(describing: error))")
            return
        }
        #expect(what.contains("'\(quoted.commentID)'"))
    }

    /// Every key path of the stored result and baseline snapshot of the mini run, one per line
    /// (`result.goals[].measures[].id`; `{}` for the members of an object keyed by ids), against
    /// `Tests/Fixtures/stored/format-2-keys.txt`. A difference means the stored format changed:
    /// keep the old key (an explicit `CodingKeys` case), or make it a new format that reads the
    /// old one (``ResultFormat``). After a deliberate new format:
    /// `RESONANZ_UPDATE_SNAPSHOTS=1 swift test --filter ResultFormatTests`.
    @Test func theStoredKeysAreTheFormatsKeys() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let store = try Store(path: path)
        let result = try MiniRun.result()
        try store.commit(record(CommentChanges(new: try MiniRun.comments()), kind: .analyze, result: result))
        let snapshot = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT snapshot FROM run") ?? ""
        }
        // Objects whose keys are data (goal, measure and column ids), not names of the format.
        let keyedByData: Set = [
            "result.columns[].fields", "result.topicCounts", "result.topicNumbers", "result.topicScores",
            "snapshot.goalComments", "snapshot.measureComments", "snapshot.measureComments{}", "snapshot.measureShares",
            "snapshot.measureShares{}", "snapshot.topicCounts", "snapshot.topicNumbers",
        ]
        var paths = Set<String>()
        func walk(_ value: Any, _ prefix: String) {
            if let object = value as? [String: Any], keyedByData.contains(prefix) {
                for member in object.values { walk(member, prefix + "{}") }
            } else if let object = value as? [String: Any] {
                for (key, member) in object {
                    paths.insert(prefix + "." + key)
                    walk(member, prefix + "." + key)
                }
            } else if let array = value as? [Any] {
                for member in array { walk(member, prefix + "[]") }
            }
        }
        let stored = try Self.storedParts(path)
        #expect(stored.starts(with: ResultFormat.header))
        walk(try JSONSerialization.jsonObject(with: stored.dropFirst(ResultFormat.header.count)), "result")
        walk(try JSONSerialization.jsonObject(with: Data(snapshot.utf8)), "snapshot")
        let produced = paths.sorted().joined(separator: "\n") + "\n"
        let file = Fixtures.repositoryFile("Tests/Fixtures/stored/format-\(ResultFormat.current)-keys.txt")
        let difference = try Fixtures.snapshotDifference(produced, recordedIn: file)
        #expect(difference == nil, "the stored format's keys changed (see the test's comment):\n\(difference ?? "")")
    }
}
