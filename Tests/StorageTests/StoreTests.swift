import Analytics
import Corpus
import Foundation
import GRDB
import Testing
import _TestSupport

@testable import Storage

/// Tests ``Store``: schema, one transaction per run, versions, baselines, integrity.
struct StoreTests {
    func comment(_ id: String, _ text: String, line: Int = 1) -> Corpus.Comment {
        Corpus.Comment(
            id: id, text: text, goal: "mobil", labels: ["mobil.rad"], labelsGiven: true, metadata: ["channel": "Web"],
            source: SourceLocation(file: "c.csv", line: line))
    }

    func record(_ changes: CommentChanges, corpus: String, kind: RunKind = .ingest, rejected: [RejectedRow] = []) -> RunRecord {
        let accepted = changes.new.count + changes.changed.count + changes.unchanged
        return RunRecord(
            kind: kind, startedAt: "2026-11-26T00:00:00Z", reportID: "r", corpusSHA256: corpus, frameworkID: "mini",
            frameworkSHA256: nil, seed: 0, programVersion: "test", icuVersion: "72.1", rowsRead: accepted + rejected.count,
            accepted: accepted, rejectedRows: rejected,
            inputs: [InputFile(path: "c.csv", sha256: String(repeating: "0", count: 64))],
            changes: changes, timings: [("read", 0.5)], result: nil)
    }

    func newStore() throws -> Store {
        try Store(path: Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path)
    }

    @Test func commentsRoundTripInArrivalOrder() throws {
        let store = try newStore()
        let incoming = [comment("b", "Radwege!"), comment("a", "Busse!", line: 2)]
        let changes = CorpusMerge.classify(incoming, stored: try store.comments())
        #expect(changes.new.map(\.id) == ["b", "a"])
        let sequence = try store.commit(record(changes, corpus: "x"))
        #expect(sequence == 1)
        let stored = try store.comments()
        #expect(stored.map(\.comment) == incoming)
        #expect(stored.map(\.firstRun) == [1, 1])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func theSameCommentsTwiceAddNothing() throws {
        let store = try newStore()
        let incoming = [comment("a", "Radwege!")]
        try store.commit(record(CorpusMerge.classify(incoming, stored: []), corpus: "x"))
        let again = CorpusMerge.classify(incoming, stored: try store.comments())
        #expect(again == CommentChanges(unchanged: 1))
        try store.commit(record(again, corpus: "x"))
        #expect(try store.comments().count == 1)
        #expect(try store.history().map(\.newComments) == [1, 0])
    }

    @Test func aChangedTextBecomesANewVersion() throws {
        let store = try newStore()
        try store.commit(record(CorpusMerge.classify([comment("a", "Radwege!")], stored: []), corpus: "x"))
        let changes = CorpusMerge.classify([comment("a", "Mehr Radwege!", line: 9)], stored: try store.comments())
        #expect(changes.changed.map(\.id) == ["a"])
        try store.commit(record(changes, corpus: "y"))
        let stored = try #require(try store.comments().first)
        #expect(stored.comment.text == "Mehr Radwege!")
        #expect(stored.version == 2)
        #expect(stored.firstRun == 1)
        #expect(stored.changedRun == 2)
        #expect(stored.comment.source.line == 9)
    }

    @Test func rejectedRowsAndAccountingAreStored() throws {
        let store = try newStore()
        let rejected = [RejectedRow(source: SourceLocation(file: "c.csv", line: 3), id: nil, reason: "empty text", excerpt: "")]
        try store.commit(record(CorpusMerge.classify([comment("a", "x")], stored: []), corpus: "x", rejected: rejected))
        let entry = try #require(try store.history().first)
        #expect(entry.rowsRead == 2)
        #expect(entry.accepted + entry.rejected == entry.rowsRead)
    }

    @Test func theBaselineIsTheLatestFinishedRunWithAnotherCorpus() throws {
        let store = try newStore()
        let result = try MiniRun.result()
        var first = record(CommentChanges(new: try MiniRun.comments()), corpus: "c1", kind: .run)
        first.result = result
        let one = try store.commit(first)
        #expect(try store.baseline(differentFrom: "c2") == nil)  // reports still pending
        try store.markComplete(one, finishedAt: "2026-11-26T00:01:00Z")
        #expect(try store.baseline(differentFrom: "c2")?.sequence == one)
        #expect(try store.baseline(differentFrom: "c1") == nil)
        #expect(try store.latestResult()?.comments == result.comments)
    }

    /// A result is stored in parts (SQLite takes at most 1 GB per value) and read back whole;
    /// a store written before keeps it in `run.result`, which is still read.
    @Test func aResultInManyPartsAndOneInTheOldColumnBothReadBack() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let store = try Store(path: path, resultPartBytes: 1000)
        let result = try MiniRun.result()
        var run = record(CommentChanges(new: try MiniRun.comments()), corpus: "c1", kind: .analyze)
        run.result = result
        let sequence = try store.commit(run)
        let read = try #require(try store.latestResult())
        #expect(read.comments == result.comments && read.goals == result.goals && read.topics == result.topics)
        let parts = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM run_result_part WHERE run = ?", arguments: [sequence]) ?? 0
        }
        #expect(parts > 10)
        try DatabaseQueue(path: path).write { db in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: try encoder.encode(result), as: UTF8.self)
            try db.execute(sql: "DELETE FROM run_result_part")
            try db.execute(
                sql: "UPDATE run SET result = ?, result_format = NULL WHERE sequence = ?", arguments: [text, sequence])
        }
        #expect(try store.latestResult()?.comments == result.comments)
    }

    /// A result stored by an earlier version, without the fields a run computes since (the
    /// warnings per kind, each measure's trend and list of assigned comments), is read back with
    /// them, computed as the run computes them: the reports of `resonanz report` stay the same.
    @Test func aResultStoredByAnEarlierVersionGetsWhatItLacksAsItIsRead() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let store = try Store(path: path)
        var result = try MiniRun.result()
        let warning = IngestWarning(
            source: SourceLocation(file: "export.csv", line: 3), id: "7", message: "unknown goal 'Bildung'",
            kind: .unknownGoal, value: "Bildung")
        result.warnings = [warning, warning]
        result.warningSummary = WarningSummary.of(result.warnings)
        var run = record(CommentChanges(), corpus: "c1", kind: .analyze)
        run.result = result
        let sequence = try store.commit(run)
        // The same result as an earlier version wrote it: without those keys.
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        json["warningSummary"] = nil
        json["goals"] = (json["goals"] as? [[String: Any]])?.map { goal in
            var goal = goal
            goal["uncertainComments"] = nil
            goal["unassignedComments"] = nil
            goal["measures"] = (goal["measures"] as? [[String: Any]])?.map { measure in
                var measure = measure
                measure["trend"] = nil
                measure["assignedComments"] = nil
                return measure
            }
            return goal
        }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        #expect(!text.contains("warningSummary") && !text.contains("assignedComments") && !text.contains("uncertainComments"))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM run_result_part")
            try db.execute(
                sql: "UPDATE run SET result = ?, result_format = NULL WHERE sequence = ?", arguments: [text, sequence])
        }
        let read = try #require(try store.latestResult())
        #expect(read.warningSummary == result.warningSummary && read.warningSummary?.first?.count == 2)
        #expect(read.goals == result.goals)
    }

    /// The result goes into the store in parts written comment batch by comment batch; joined,
    /// they are byte for byte the header and the encoding of the whole value without its texts
    /// (format 2), whatever the part and batch sizes.
    @Test(arguments: [(1000, 1, 1), (64, 3, 2), (1 << 20, 1000, 2), (500, 2, 3)])
    func resultEncodedInBatchesIsTheWholeEncoding(partBytes: Int, batch: Int, threads: Int) throws {
        var result = try MiniRun.result()
        result.rejected = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var parts: [Data] = []
        try ResultEncoding.encode(result, partBytes: partBytes, batch: batch, threads: threads) { parts.append(Data($0)) }
        #expect(parts.dropLast().allSatisfy { $0.count == partBytes } && (parts.last?.count ?? 0) <= partBytes)
        #expect(parts.reduce(Data(), +) == Data(ResultFormat.header) + (try encoder.encode(ResultFormat.withoutTexts(result))))
        result.comments = []
        parts = []
        try ResultEncoding.encode(result, partBytes: partBytes, batch: batch, threads: threads) { parts.append(Data($0)) }
        #expect(parts.reduce(Data(), +) == Data(ResultFormat.header) + (try encoder.encode(ResultFormat.withoutTexts(result))))
    }

    @Test func theCommentsSlotIsFoundAtTheTopLevelOnly() {
        let json = Data(#"{"a":{"comments":[]},"b":"\"comments\":[]","comments":[],"z":1}"#.utf8)
        let slot = ResultEncoding.emptyTopLevelArray(named: "comments", in: json)
        #expect(slot.map { String(decoding: json[$0], as: UTF8.self) } == "[]")
        #expect(slot?.lowerBound == 54)
        #expect(ResultEncoding.emptyTopLevelArray(named: "comments", in: Data(#"{"a":{"comments":[]}}"#.utf8)) == nil)
    }

    @Test func reopeningAStoreKeepsItsRuns() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let first = try Store(path: path)
        try first.commit(record(CorpusMerge.classify([comment("a", "x")], stored: []), corpus: "x"))
        // A second connection, as the next night's process has, while the first is still open.
        let reopened = try Store(path: path)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.nextSequence() == 2)
        #expect(try reopened.comments().map(\.comment.id) == ["a"])
    }
}

/// Tests ``StoreLock``: one holder at a time, released on exit.
struct StoreLockTests {
    @Test func aSecondLockFailsUntilTheFirstIsReleased() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        var first: StoreLock? = try StoreLock(storePath: path, wait: false, now: "now")
        #expect(first != nil)
        do {
            _ = try StoreLock(storePath: path, wait: false, now: "later")
            Issue.record("expected the store to be locked")
        } catch {
            guard case .locked(_, let holder) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(holder.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        }
        first = nil
        #expect(throws: Never.self) { _ = try StoreLock(storePath: path, wait: false, now: "again") }
    }
}

/// Tests the review decisions in ``Store``.
struct StoreReviewTests {
    func decision(_ comment: String, _ measure: String, _ kind: ReviewDecision.Kind, line: Int) -> ReviewDecision {
        ReviewDecision(
            commentID: comment, measureID: measure, decision: kind, reviewer: "anna", date: "2026-11-20",
            source: SourceLocation(file: "review.csv", line: line))
    }

    @Test func decisionsAreKeptInOrderAndAFileImportedTwiceAddsNothing() throws {
        let path = Fixtures.temporaryFolder().appendingPathComponent("resonanz.sqlite").path
        let decisions = [decision("c1", "mobil.rad", .accept, line: 2), decision("c1", "mobil.bus", .reject, line: 3)]
        do {
            let store = try Store(path: path)
            #expect(try store.importReviews(decisions, importedAt: "t1") == Store.ReviewImport(added: 2, repeated: 0))
            #expect(try store.importReviews(decisions, importedAt: "t2") == Store.ReviewImport(added: 0, repeated: 2))
            let changed = decision("c1", "mobil.bus", .accept, line: 9)
            #expect(try store.importReviews([changed], importedAt: "t3") == Store.ReviewImport(added: 1, repeated: 0))
            // Changing one's mind back is stored too: only a repeat of the latest decision is skipped.
            let back = decision("c1", "mobil.bus", .reject, line: 3)
            #expect(try store.importReviews([back], importedAt: "t4") == Store.ReviewImport(added: 1, repeated: 0))
        }
        // Reopened: the decisions are still there, oldest first, with where they came from.
        let reopened = try Store(path: path)
        let stored = try reopened.reviewDecisions()
        #expect(stored.map(\.decision) == [.accept, .reject, .accept, .reject])
        #expect(stored[2].source == SourceLocation(file: "review.csv", line: 9))
        #expect(try reopened.integrityCheck() == "ok")
    }
}
