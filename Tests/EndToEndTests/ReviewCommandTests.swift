import Foundation
import Testing
import _TestSupport

/// End-to-end tests of the review loop: queue → filled-in CSV → import → every later run.
@Suite(.serialized)
struct ReviewCommandTests {
    let framework = "Tests/Fixtures/mini/framework.yaml"

    func run(_ out: URL) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", "Tests/Fixtures/mini/comments.csv", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1760000000"])
    }

    func comment(_ id: String, in out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let comments = try #require(report["comments"] as? [[String: Any]])
        return try #require(comments.first { $0["id"] as? String == id })
    }

    func assignments(_ comment: [String: Any]) -> [(measure: String, confidence: Double, source: String)] {
        (comment["assignments"] as? [[String: Any]] ?? []).map {
            ($0["measure"] as? String ?? "", $0["confidence"] as? Double ?? -1, $0["source"] as? String ?? "")
        }
    }

    @Test func decisionsArePinnedInEveryLaterRun() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out).status == 0)

        let queueFile = out.appendingPathComponent("queue.csv")
        let queue = try CommandLineRunner.run(
            ["review", "queue", "--framework", framework, "--out", out.path, "--count", "3", "--file", queueFile.path])
        #expect(queue.status == 0, "\(queue.standardError)")
        let queued = String(decoding: try Data(contentsOf: queueFile), as: UTF8.self)
        #expect(queued.hasPrefix("\u{FEFF}comment_id;measure_id;decision;reviewer;date;suggested_measure_id;"))
        #expect(queued.split(separator: "\r\n").count >= 4)

        // m02 is about the bus: the reviewer rejects the bus and assigns the cycling measure instead
        // (a deliberate reversal, so the test sees the decision win); one row names no comment we know.
        let review = """
            comment_id,measure_id,decision,reviewer,date
            m02,mobil.bus,reject,anna,2026-11-20
            m02,mobil.rad,assign,anna,2026-11-20
            m99,mobil.rad,accept,anna,2026-11-20
            """
        let reviewFile = Fixtures.temporaryFile("review.csv", review)
        let imported = try CommandLineRunner.run(
            ["review", "import", reviewFile.path, "--framework", framework, "--out", out.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(
            imported.standardOutput.contains(
                "read 3 rows: 2 decided, 0 left blank, 1 rejected; 2 decisions (2 new, 0 already stored)"))
        #expect(imported.standardOutput.contains("Cohen's kappa"))
        #expect(imported.standardError.contains("review.csv:4: rejected: unknown comment 'm99'"))

        for _ in 0..<2 {
            #expect(try run(out).status == 0)
            // The goal page lists the measure's comments with confidence and evidence; reviewed ones say so.
            let page = String(decoding: try Data(contentsOf: out.appendingPathComponent("goals/mobil.md")), as: UTF8.self)
            #expect(page.contains("| Beitrag | Konfidenz | Belege (Beitrag → Maßnahme) | Auszug |"))
            #expect(page.contains("| `m02` | geprüft |"))
            let reviewed = try comment("m02", in: out)
            #expect(reviewed["status"] as? String == "assigned")
            let pinned = assignments(reviewed)
            #expect(pinned.first?.measure == "mobil.rad")
            #expect(pinned.first?.confidence == 1 && pinned.first?.source == "review")
            #expect(!pinned.contains { $0.measure == "mobil.bus" })
        }
        let strict = try CommandLineRunner.run(
            ["review", "import", reviewFile.path, "--framework", framework, "--out", out.path, "--strict"])
        #expect(strict.status == 3)
        #expect(strict.standardOutput.contains("2 decisions (0 new, 2 already stored)"))
        // The runs since applied these decisions: agreeing with them would say nothing.
        #expect(!strict.standardOutput.contains("kappa"), "\(strict.standardOutput)")
    }

    @Test func rowsAreCountedAsRowsWhenARowImpliesASecondDecision() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out).status == 0)
        // Writing another measure over the suggestion also rejects the suggestion: two decisions, one row.
        let review = """
            comment_id;measure_id;decision;reviewer;date;suggested_measure_id
            m02;mobil.rad;assign;anna;2026-11-20;mobil.bus
            m05;bildung.schule;accept;anna;2026-11-20;bildung.schule
            m06;;;;;bildung.kurse
            """
        let imported = try CommandLineRunner.run(
            ["review", "import", Fixtures.temporaryFile("review.csv", review).path, "--framework", framework, "--out", out.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(
            imported.standardOutput.contains(
                "read 3 rows: 2 decided, 1 left blank, 0 rejected; 3 decisions (3 new, 0 already stored; 1 of them the rejected suggestion"
            ),
            "\(imported.standardOutput)")
    }

    @Test func importingWithoutAStoreIsBadUsage() throws {
        let review = Fixtures.temporaryFile("review.csv", "comment_id,measure_id,decision\nm01,mobil.rad,accept\n")
        let result = try CommandLineRunner.run(
            ["review", "import", review.path, "--framework", framework, "--out", Fixtures.temporaryFolder().path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no store here"))
    }
}
