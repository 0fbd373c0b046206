import Foundation
import Testing
import _TestSupport

/// End-to-end tests of an audit: drawn from the latest analysis, reviewed completely, and the
/// basis of every measure's estimate in the next run.
@Suite(.serialized)
struct AuditTests {
    let framework = "Tests/Fixtures/mini/framework.yaml"

    func run(_ out: URL) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", "Tests/Fixtures/mini/comments.csv", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1760000000"])
    }

    func measures(_ out: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let goals = try #require(report["goals"] as? [[String: Any]])
        return goals.flatMap { $0["measures"] as? [[String: Any]] ?? [] }
    }

    @Test func everyMeasureCarriesAnEstimateFromTheModelFirstAndFromTheAuditThen() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out).status == 0)
        for measure in try measures(out) {
            let estimate = try #require(measure["estimate"] as? [String: Any])
            #expect(estimate["basis"] as? String == "model")
            let value = try #require(estimate["value"] as? Double)
            #expect((estimate["lower"] as? Double ?? .infinity) <= value && value <= (estimate["upper"] as? Double ?? -1))
        }
        let overview = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(overview.contains("geschätzt (95 %)") && overview.contains("ungeprüfte Schätzungen des Modells"))

        let file = out.appendingPathComponent("audit.csv")
        let drawn = try CommandLineRunner.run(
            ["review", "queue", "--framework", framework, "--out", out.path, "--audit", "5", "--seed", "3", "--file", file.path])
        #expect(drawn.status == 0, "\(drawn.standardError)")
        #expect(drawn.standardOutput.contains("drew an audit of 5 comments"))
        let rows = String(decoding: try Data(contentsOf: file), as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
            .filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
        #expect(Set(rows.map { $0[0] }).count == 5)
        // The reviewer agrees with every suggestion and says "fits none" where there is none.
        let decisions = rows.map { row in row[1].isEmpty ? "\(row[0]);;reject" : "\(row[0]);\(row[1]);accept" }
        let decisionFile = Fixtures.temporaryFile(
            "decisions.csv", "comment_id;measure_id;decision\n" + decisions.joined(separator: "\n") + "\n")
        let imported = try CommandLineRunner.run([
            "review", "import", decisionFile.path, "--framework", framework, "--out", out.path,
        ])
        #expect(imported.status == 0, "\(imported.standardError)")

        #expect(try run(out).status == 0)
        for measure in try measures(out) {
            let estimate = try #require(measure["estimate"] as? [String: Any])
            #expect(estimate["basis"] as? String == "audit", "\(measure)")
            #expect(estimate["audited_comments"] as? Int == 5)
        }
        let audited = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(audited.contains("geprüften Zufallsstichprobe von 5 Beiträgen"))
        #expect(audited.contains(" geprüft |"))
    }

    @Test func theSameSeedDrawsTheSameSample() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out).status == 0)
        var samples: [String] = []
        for name in ["a.csv", "b.csv"] {
            let file = out.appendingPathComponent(name)
            #expect(
                try CommandLineRunner.run(
                    [
                        "review", "queue", "--framework", framework, "--out", out.path, "--audit", "4", "--seed", "9", "--file",
                        file.path,
                    ]
                ).status == 0)
            samples.append(try String(contentsOf: file, encoding: .utf8))
        }
        #expect(samples[0] == samples[1])
    }

    /// With OpenThesaurus (here a small file of its format), the report names it.
    @Test func synonymsComeFromTheThesaurusTheRunIsGiven() throws {
        let thesaurus = Fixtures.temporaryFile(
            "openthesaurus.txt", "# Automatically generated 2016-04-24 23:01\nVeloweg;Radweg;Radfahrweg;Fahrradweg\n")
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", "Tests/Fixtures/mini/comments.csv", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1760000000", "RESONANZ_THESAURUS": thesaurus.path])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(report.contains("\"thesaurus\": \"2016-04-24 23:01\""))
        #expect(report.contains("\"synonym_weight\": 0.3"))
    }
}
