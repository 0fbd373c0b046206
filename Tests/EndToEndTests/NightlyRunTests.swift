import Foundation
import Storage
import Testing
import _TestSupport

/// End-to-end tests of the nightly job with its store: incremental, idempotent, one at a time,
/// and safe against a kill at any point.
@Suite(.serialized)
struct NightlyRunTests {
    static let night1Epoch = "1760000000"
    static let night2Epoch = "1760086400"

    func mini(
        _ out: URL, night: Int, extra: [String] = [], environment: [String: String] = [:]
    ) throws -> CommandLineRunner.Result {
        let files =
            night == 1
            ? ["Tests/Fixtures/mini/comments.csv"]
            : ["Tests/Fixtures/mini/comments.csv", "Tests/Fixtures/mini/comments-night2.csv"]
        let epoch = night == 1 ? Self.night1Epoch : Self.night2Epoch
        return try CommandLineRunner.run(
            ["run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments"] + files + ["--out", out.path, "--quiet"]
                + extra,
            environment: ["SOURCE_DATE_EPOCH": epoch].merging(environment) { $1 })
    }

    func report(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func bytes(_ out: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in [
            "report.json", "report.md", "goals/mobil.md", "goals/bildung.md", "assignments.csv", "rejected.jsonl", "report.html",
            "manifest.json",
        ] {
            result[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return result
    }

    @Test func twoNightsOfTheJenaCorpusShowTheNewComments() throws {
        let out = Fixtures.temporaryFolder()
        let framework = ["--framework", "corpora/jena-hf4/framework.yaml"]
        let first = try CommandLineRunner.run(
            ["run"] + framework + ["--comments", "corpora/jena-hf4/comments.csv", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": Self.night1Epoch])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("(new 419, changed 0, unchanged 0)"))
        let firstReport = try report(out)
        let second = try CommandLineRunner.run(
            ["run"] + framework
                + [
                    "--comments", "corpora/jena-hf4/comments.csv", "corpora/jena-hf4/comments-2026-11-16.csv", "--out", out.path,
                    "--quiet",
                ],
            environment: ["SOURCE_DATE_EPOCH": Self.night2Epoch])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("read 456 rows: 454 accepted + 2 rejected (new 35, changed 0, unchanged 419)"))
        let changes = try #require(try report(out)["changes"] as? [String: Any])
        #expect(changes["new_comments"] as? Int == 35)
        #expect(changes["baseline_started_at"] as? String == "2025-10-09T08:53:20Z")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## Neu seit dem letzten Lauf"))
        #expect(markdown.contains("Seit der Auswertung vom 09.10.2025: 35 neue Beiträge."))

        // Topics: the second night holds each scope's number of topics (a new number needs three
        // winning nights), keeps the ids of topics still there, and tells what changed.
        func selection(_ report: [String: Any]) -> [String: [String: Any]] {
            let scopes = report["topic_selection"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: scopes.map { (($0["goal"] as? String) ?? "", $0) })
        }
        let before = selection(firstReport)
        let after = selection(try report(out))
        #expect(before.count == 5 && Set(before.keys) == Set(after.keys))
        for (scope, state) in after {
            #expect(state["clusters"] as? Int == before[scope]?["clusters"] as? Int, "scope '\(scope)'")
            #expect((state["streak"] as? Int ?? 9) <= 1)
        }
        func topicIDs(_ report: [String: Any]) -> Set<String> {
            Set((report["topics"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
        let kept = topicIDs(try report(out)).intersection(topicIDs(firstReport))
        #expect(2 * kept.count >= topicIDs(firstReport).count, "kept \(kept.count) of \(topicIDs(firstReport).count) topic ids")
        let topics = try #require(try report(out)["topics"] as? [[String: Any]])
        for topic in topics {
            #expect(!(topic["label"] as? String ?? "").isEmpty)
            #expect(!(topic["representative_comments"] as? [Any] ?? []).isEmpty)
        }
    }

    @Test func newChangedAndUnchangedComments() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try mini(out, night: 1).status == 0)
        let second = try mini(out, night: 2)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(
            second.standardOutput.contains(
                "read 13 rows: 12 accepted + 1 rejected (new 2, changed 1, unchanged 8, superseded by a later file 1)"))
        let changes = try #require(try report(out)["changes"] as? [String: Any])
        #expect(changes["new_comments"] as? Int == 2)
        #expect(changes["changed_comments"] as? Int == 1)
        #expect(changes["comment_ids"] as? [String] == ["m02", "m11", "m12"])
        let store = try Store(path: out.appendingPathComponent("resonanz.sqlite").path)
        #expect(try store.comments().first { $0.comment.id == "m02" }?.version == 2)
    }

    @Test func aSecondRunOnTheSameInputWritesTheSameBytes() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try mini(out, night: 1).status == 0)
        #expect(try mini(out, night: 2).status == 0)
        let before = try bytes(out)
        let again = try mini(out, night: 2)
        #expect(again.standardOutput.contains("(new 0, changed 0, unchanged 11, superseded by a later file 1)"))
        #expect(try bytes(out) == before)
    }

    @Test func aSecondRunOnALockedStoreExitsWithTwoOrWaits() throws {
        let out = Fixtures.temporaryFolder()
        let storePath = out.appendingPathComponent("resonanz.sqlite").path
        var lock: StoreLock? = try StoreLock(storePath: storePath, wait: false, now: "test")
        let refused = try mini(out, night: 1)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("another resonanz run is using this store"))

        let waiting = try CommandLineRunner.start([
            "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv", "--out",
            out.path, "--quiet", "--wait",
        ])
        Thread.sleep(forTimeInterval: 1.0)
        #expect(waiting.isRunning)
        lock = nil
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(lock == nil)
    }

    @Test(
        "a kill at any point leaves a sound store, and the next run completes as if it never started",
        arguments: ["after-lock", "before-commit", "after-commit", "mid-reports", "after-reports"])
    func killAnywhere(_ point: String) throws {
        let reference = Fixtures.temporaryFolder()
        #expect(try mini(reference, night: 1).status == 0)
        let referenceNight = try mini(reference, night: 2)
        #expect(referenceNight.status == 0)

        let out = Fixtures.temporaryFolder()
        #expect(try mini(out, night: 1).status == 0)
        let killed = try mini(out, night: 2, environment: ["RESONANZ_TEST_KILL_AT": point])
        #expect(killed.status == 9, "exit \(killed.status): \(killed.standardError)")  // SIGKILL
        let store = try Store(path: out.appendingPathComponent("resonanz.sqlite").path)
        #expect(try store.integrityCheck() == "ok")

        let recovered = try mini(out, night: 2)
        #expect(recovered.status == 0, "\(recovered.standardError)")
        #expect(try bytes(out) == bytes(reference))
        // The night's comments count as new and changed, though the killed run stored them.
        #expect(
            recovered.standardOutput.split(separator: "\n").first == referenceNight.standardOutput.split(separator: "\n").first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
            $0.hasPrefix(".staging-") || $0.hasPrefix(".previous-")
        }
        #expect(leftovers.isEmpty)
    }
}

/// More nightly scenarios: older exports, moved comments, derived ids, the three steps.
@Suite(.serialized)
struct NightlyScenarioTests {
    func run(_ arguments: [String], out: URL, epoch: String = "1760000000") throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(arguments + ["--out", out.path, "--quiet"], environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    let mini = ["--framework", "Tests/Fixtures/mini/framework.yaml"]

    @Test func anOlderExportDoesNotUndoAnEdit() throws {
        let out = Fixtures.temporaryFolder()
        _ = try run(["run"] + mini + ["--comments", "Tests/Fixtures/mini/comments.csv"], out: out)
        _ = try run(
            ["run"] + mini + ["--comments", "Tests/Fixtures/mini/comments.csv", "Tests/Fixtures/mini/comments-night2.csv"],
            out: out)
        let older = try run(["run"] + mini + ["--comments", "Tests/Fixtures/mini/comments.csv"], out: out)
        #expect(older.status == 0)
        #expect(older.standardOutput.contains("(new 0, changed 0, unchanged 8, older than stored 1)"))
        let store = try Storage.Store(path: out.appendingPathComponent("resonanz.sqlite").path)
        let m02 = try #require(try store.comments().first { $0.comment.id == "m02" })
        #expect(m02.version == 2)
        #expect(m02.comment.text.contains("Nachtrag"))
    }

    @Test func aCommentMovedToAnotherGoalIsAChange() throws {
        let out = Fixtures.temporaryFolder()
        let first = Fixtures.temporaryFile("a.csv", "id;goal;text\n1;mobil;Kurse für Senioren in der Bibliothek\n")
        let moved = Fixtures.temporaryFile("b.csv", "id;goal;text\n1;bildung;Kurse für Senioren in der Bibliothek\n")
        _ = try run(["run"] + mini + ["--comments", first.path], out: out)
        let second = try run(["run"] + mini + ["--comments", moved.path], out: out)
        #expect(second.standardOutput.contains("(new 0, changed 1, unchanged 0)"))
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        let comments = try #require(report?["comments"] as? [[String: Any]])
        #expect(comments.first?["goal"] as? String == "bildung")
    }

    @Test func derivedIdsAreStableAcrossExports() throws {
        let out = Fixtures.temporaryFolder()
        let first = Fixtures.temporaryFile(
            "exp1.csv", "goal;text\nmobil;Wir brauchen sichere Radwege vor der Schule.\nmobil;Der Bus kommt zu selten.\n")
        let second = Fixtures.temporaryFile(
            "exp2.csv",
            "goal;text\nmobil;Wir brauchen sichere Radwege vor der Schule.\nmobil;Der Bus kommt zu selten.\nbildung;Mehr Kurse.\n"
        )
        _ = try run(["run"] + mini + ["--comments", first.path], out: out)
        let both = try run(["run"] + mini + ["--comments", first.path, second.path], out: out)
        #expect(
            both.standardOutput.contains(
                "read 5 rows: 5 accepted + 0 rejected (new 1, changed 0, unchanged 2, superseded by a later file 2)"))
        let store = try Storage.Store(path: out.appendingPathComponent("resonanz.sqlite").path)
        #expect(try store.comments().count == 3)
    }

    @Test func aStoreBelongsToOneFramework() throws {
        let out = Fixtures.temporaryFolder()
        _ = try run(["run"] + mini + ["--comments", "Tests/Fixtures/mini/comments.csv"], out: out)
        let other = try run(
            ["run", "--framework", "corpora/jena-hf4/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv"], out: out)
        #expect(other.status == 2)
        #expect(other.standardError.contains("this store belongs to framework 'mini', not 'jena-hf4'"))
    }

    @Test func theThreeStepsGiveTheReportsOfRun() throws {
        let viaRun = Fixtures.temporaryFolder()
        let viaSteps = Fixtures.temporaryFolder()
        let files = ["--comments", "Tests/Fixtures/mini/comments.csv", "Tests/Fixtures/mini/comments-night2.csv"]
        #expect(try run(["run"] + mini + files, out: viaRun).status == 0)
        #expect(try run(["ingest"] + mini + files, out: viaSteps).status == 0)
        #expect(try run(["analyze"] + mini, out: viaSteps).status == 0)
        #expect(try run(["report"] + mini, out: viaSteps).status == 0)
        for name in ["report.json", "report.md", "assignments.csv", "rejected.jsonl", "goals/mobil.md"] {
            let a = try Data(contentsOf: viaRun.appendingPathComponent(name))
            let b = try Data(contentsOf: viaSteps.appendingPathComponent(name))
            #expect(a == b, "\(name)")
        }
    }
}
