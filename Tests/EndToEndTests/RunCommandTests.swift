import Foundation
import Testing
import _TestSupport

/// End-to-end tests of the built `resonanz run` on `Tests/Fixtures/mini`.
@Suite(.serialized)
struct RunCommandTests {
    let framework = "Tests/Fixtures/mini/framework.yaml"
    let comments = "Tests/Fixtures/mini/comments.csv"

    func run(out: URL, extra: [String] = [], epoch: String = "1700000000") throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", comments, "--out", out.path, "--quiet"] + extra,
            environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in [
            "report.json", "report.md", "goals/mobil.md", "goals/bildung.md", "assignments.csv", "rejected.jsonl", "report.html",
        ] {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func writesEveryReportAndAccountsForEveryRow() throws {
        let out = Fixtures.temporaryFolder()
        let result = try run(out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("read 10 rows: 9 accepted + 1 rejected"))
        let files = try contents(out)
        #expect(files.count == 7)
        let rejected = String(decoding: files["rejected.jsonl"]!, as: UTF8.self).split(separator: "\n")
        #expect(rejected.count == 1)
        let row = try JSONSerialization.jsonObject(with: Data(rejected[0].utf8)) as? [String: Any]
        #expect(row?["line"] as? Int == 6)
        #expect(row?["reason"] as? String == "empty text")
        #expect((row?["file"] as? String)?.hasSuffix("comments.csv") == true)
        // The unknown goal and the bad date are warnings, not failures.
        #expect(!result.standardError.contains("error"))
    }

    @Test func reportJSONMatchesTheSchema() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out: out).status == 0)
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = [
            "python3", Fixtures.repositoryFile("scripts/validate-json-schema.py").path,
            Fixtures.repositoryFile("schemas/report.schema.json").path, out.appendingPathComponent("report.json").path,
        ]
        let errors = Pipe()
        validator.standardError = errors
        try validator.run()
        validator.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(validator.terminationStatus == 0, "\(message)")
    }

    @Test func reportContentIsRight() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out: out).status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"schema_version\": "))
        let run = try #require(report["run"] as? [String: Any])
        #expect(run["comments_read"] as? Int == 10)
        #expect(run["comments_rejected"] as? Int == 1)
        #expect(run["started_at"] as? String == "2023-11-14T22:13:20Z")
        let comments = try #require(report["comments"] as? [[String: Any]])
        func comment(_ id: String) -> [String: Any]? { comments.first { $0["id"] as? String == id } }
        let first = try #require(comment("m01"))
        #expect(first["status"] as? String == "assigned")
        let assignments = try #require(first["assignments"] as? [[String: Any]])
        #expect(assignments.first?["measure"] as? String == "mobil.rad")
        #expect(comment("m07")?["status"] as? String == "unassigned")
        #expect(comment("m07")?["goal"] is NSNull)
        #expect(comment("m08")?["goal"] is NSNull)
        #expect(comment("m08")?["inferred_goal"] as? String == "bildung")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Mobilität im Quartier"))
        #expect(markdown.contains("| Sichere Radwege |"))
        let goalPage = try String(contentsOf: out.appendingPathComponent("goals/bildung.md"), encoding: .utf8)
        #expect(!goalPage.contains("<script>"))
        let csv = try Data(contentsOf: out.appendingPathComponent("assignments.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: csv, as: UTF8.self).contains("\"'=HYPERLINK("))
    }

    @Test func secondRunAndThreadCountGiveIdenticalBytes() throws {
        let first = Fixtures.temporaryFolder()
        let second = Fixtures.temporaryFolder()
        let parallel = Fixtures.temporaryFolder()
        #expect(try run(out: first, extra: ["--threads", "1"]).status == 0)
        #expect(try run(out: second, extra: ["--threads", "1"]).status == 0)
        #expect(try run(out: parallel, extra: ["--threads", "2"]).status == 0)
        #expect(try contents(first) == contents(second))
        #expect(try contents(first) == contents(parallel))
    }

    @Test func kMeansWithAFixedNumberOfTopicsIsRecordedAndThreadIndependent() throws {
        let one = Fixtures.temporaryFolder()
        let two = Fixtures.temporaryFolder()
        let options = ["--clusterer", "kmeans", "--topics", "2"]
        #expect(try run(out: one, extra: options + ["--threads", "1"]).status == 0)
        #expect(try run(out: two, extra: options + ["--threads", "2"]).status == 0)
        #expect(try contents(one) == contents(two))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("report.json"))) as? [String: Any])
        let method = try #require(report["method"] as? [String: Any])
        #expect(method["topics"] as? String == "kmeans" && method["topics_fixed"] as? Int == 2)
        #expect((report["topic_selection"] as? [Any])?.isEmpty == true)
        let topics = try #require(report["topics"] as? [[String: Any]])
        #expect(topics.filter { $0["goal"] is NSNull }.count <= 2)
        let bad = try run(out: Fixtures.temporaryFolder(), extra: ["--clusterer", "lda"])
        #expect(bad.status == 2 && bad.standardError.contains("--clusterer is gsdmm or kmeans"))
    }

    @Test func noReportShowsContactDetailsAuthorsOrMarkup() throws {
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", "Tests/Fixtures/privacy/comments.csv", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        let secrets = [
            "anna.beispiel@example.org", "1234567", "user=ben", "@benmuster", "DE89", "49-5000", "emil@schule",
            "Anna Beispiel", "Ben Muster", "Carla Probe", "Dora Test", "Emil Fall",
        ]
        var shown = ""
        for name in ["report.json", "report.md", "goals/mobil.md", "goals/bildung.md", "assignments.csv"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            for secret in secrets { #expect(!text.contains(secret), "\(name) shows \(secret)") }
            // JSON and CSV carry the text as data; Markdown is rendered, so markup must be defused there.
            if name.hasSuffix(".md") { #expect(!text.contains("<script>"), "\(name) renders markup") }
            shown += text
        }
        for label in ["[E-Mail]", "[Telefon]", "[Link]", "[Handle]", "[IBAN]"] { #expect(shown.contains(label)) }
        let page = try String(contentsOf: out.appendingPathComponent("goals/mobil.md"), encoding: .utf8)
        #expect(page.contains("&lt;script&gt;") && page.contains(#"\[klick\]"#) && page.contains(#"\| Tabelle \|"#))
    }

    @Test func theResearchExportIsConsistentAndRedacted() throws {
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", framework, "--comments", "Tests/Fixtures/privacy/comments.csv", "--out", out.path,
                "--quiet",
                "--export", "research",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        func read(_ name: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent("research/" + name), encoding: .utf8)
        }
        let docs = try read("docs.tsv").split(separator: "\n").dropFirst()
        let vocab = try read("vocab.tsv").split(separator: "\n").dropFirst()
        let matrix = try read("dtm.mtx").split(separator: "\n")
        #expect(matrix[0] == "%%MatrixMarket matrix coordinate integer general")
        let size = matrix[2].split(separator: " ").compactMap { Int($0) }
        let entries = matrix.dropFirst(3).map { $0.split(separator: " ").compactMap { Int($0) } }
        #expect(size == [docs.count, vocab.count, entries.count] && docs.count == 5)
        #expect(entries.allSatisfy { (1...docs.count).contains($0[0]) && (1...vocab.count).contains($0[1]) && $0[2] > 0 })
        // Each token's byte offsets slice its surface out of the (redacted) text on the same line.
        let lines = try read("tokens.jsonl").split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = Array((object["text"] as? String ?? "").utf8)
            for token in object["tokens"] as? [[String: Any]] ?? [] {
                let start = token["start"] as? Int ?? -1
                let end = token["end"] as? Int ?? -1
                #expect(0 <= start && start < end && end <= text.count)
                if 0 <= start && start < end && end <= text.count {
                    #expect(String(decoding: text[start..<end], as: UTF8.self) == token["surface"] as? String)
                }
            }
        }
        let everything = try ["tokens.jsonl", "vocab.tsv", "topic_terms.csv", "docs.tsv"].map(read).joined()
        for secret in ["anna.beispiel@example.org", "1234567", "@benmuster", "DE89", "Anna Beispiel"] {
            #expect(!everything.contains(secret), "research/ shows \(secret)")
        }
        #expect(try read("topic_terms.csv").hasPrefix("topic,goal,label,rank,term,stem,c_tf_idf,log_likelihood\r\n"))
    }

    @Test func everyEmbeddedChartExistsAndIsAnSVG() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out: out).status == 0)
        var embedded: [URL] = []
        for page in ["report.md", "goals/mobil.md", "goals/bildung.md"] {
            let pageURL = out.appendingPathComponent(page)
            let text = try String(contentsOf: pageURL, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("![") {
                let path = try #require(line.split(separator: "(").last?.dropLast())
                embedded.append(pageURL.deletingLastPathComponent().appendingPathComponent(String(path)).standardizedFileURL)
            }
        }
        #expect(embedded.count == 4)  // goals and topics on the overview, one per goal page
        for chart in embedded {
            let svg = try String(contentsOf: chart, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.contains("<desc"), "\(chart.path)")
        }
    }

    @Test func englishReportsSayTheSameInEnglish() throws {
        let german = Fixtures.temporaryFolder()
        let english = Fixtures.temporaryFolder()
        #expect(try run(out: german).status == 0)
        #expect(try run(out: english, extra: ["--lang", "en"]).status == 0)
        let overview = try String(contentsOf: english.appendingPathComponent("report.md"), encoding: .utf8)
        let page = try String(contentsOf: english.appendingPathComponent("goals/mobil.md"), encoding: .utf8)
        #expect(overview.contains("## At a glance") && overview.contains("## Method") && overview.contains("%)"))
        #expect(page.contains("# Goal: ") && page.contains("confidence 0."))
        for german in ["Auf einen Blick", "Beiträge", "Konfidenz", "Kennzeichnende"] {
            #expect(!overview.contains(german) && !page.contains(german), "\(german) in an English report")
        }
        // report.json keeps its keys and values; only redaction labels follow the language.
        let json = try String(contentsOf: english.appendingPathComponent("report.json"), encoding: .utf8)
        let deutsch = try String(contentsOf: german.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(json.contains("Mehr Infos: [link]") && json.replacingOccurrences(of: "[link]", with: "[Link]") == deutsch)
        let bad = try run(out: Fixtures.temporaryFolder(), extra: ["--lang", "fr"])
        #expect(bad.status == 2 && bad.standardError.contains("--lang is de or en"))
    }

    @Test func onlyTheStartTimeDependsOnTheClock() throws {
        let early = Fixtures.temporaryFolder()
        let late = Fixtures.temporaryFolder()
        #expect(try run(out: early, epoch: "1700000000").status == 0)
        #expect(try run(out: late, epoch: "1800000000").status == 0)
        let a = try contents(early)
        let b = try contents(late)
        for name in a.keys where name != "report.json" { #expect(a[name] == b[name], "\(name)") }
        let linesA = String(decoding: a["report.json"]!, as: UTF8.self).split(separator: "\n")
        let linesB = String(decoding: b["report.json"]!, as: UTF8.self).split(separator: "\n")
        let differing = zip(linesA, linesB).filter { $0 != $1 }
        #expect(differing.count == 1)
        #expect(differing.first?.0.contains("\"started_at\"") == true)
    }

    @Test func strictFailsOnRejectedRowsAfterTheSummary() throws {
        let result = try run(out: Fixtures.temporaryFolder(), extra: ["--strict"])
        #expect(result.status == 3)
        #expect(result.standardError.contains("rejected"))
        #expect(result.standardOutput.contains("read 10 rows: 9 accepted + 1 rejected"))
    }

    @Test(
        "bad usage exits with 2",
        arguments: [
            ["run", "--comments", "x.csv"], ["run", "--framework", "f", "--comments", "c", "--threads", "0"], ["nosuchcommand"],
            ["run", "--framework", "f", "--comments", "c", "--threshold", "1e20"],
        ])
    func badUsage(_ arguments: [String]) throws {
        let result = try CommandLineRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.standardError.isEmpty)
    }

    @Test func commentsWithoutGoalAreShownUnderTheirBestMeasuresGoal() throws {
        let out = Fixtures.temporaryFolder()
        #expect(try run(out: out).status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let goals = try #require(report["goals"] as? [[String: Any]])
        let education = try #require(goals.first { $0["id"] as? String == "bildung" })
        // m08 has no goal and is about courses; m07's goal is unknown and it fits nothing.
        #expect(education["routed_count"] as? Int == 1)
        #expect(education["considered_count"] as? Int == 5)
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("`m07`"))
    }

    @Test func badFrameworkIsExitTwoWithFileLineAndKey() throws {
        let bad = Fixtures.temporaryFile(
            "framework.yaml",
            "id: x\ntitle: X\ngoals:\n  - id: a\n    title: A\n    measures:\n      - id: a.m\n        title: M\n        owner: me\n"
        )
        let result = try CommandLineRunner.run([
            "run", "--framework", bad.path, "--comments", comments, "--out", Fixtures.temporaryFolder().path,
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("framework.yaml:9: owner: unknown key"))
    }

    @Test func duplicateIdsAndEmptyGoalsAreExitTwo() throws {
        let duplicate = Fixtures.temporaryFile(
            "framework.yaml",
            "id: x\ntitle: X\ngoals:\n  - id: a\n    title: A\n    measures:\n      - id: a.m\n        title: M\n      - id: a.m\n        title: N\n"
        )
        let first = try CommandLineRunner.run(
            ["run", "--framework", duplicate.path, "--comments", comments, "--out", Fixtures.temporaryFolder().path])
        #expect(first.status == 2)
        #expect(first.standardError.contains("framework.yaml:9: id: duplicate measure id 'a.m'"))
        let empty = Fixtures.temporaryFile("framework.yaml", "id: x\ntitle: X\ngoals:\n  - id: a\n    title: A\n")
        let second = try CommandLineRunner.run(
            ["run", "--framework", empty.path, "--comments", comments, "--out", Fixtures.temporaryFolder().path])
        #expect(second.status == 2)
        #expect(second.standardError.contains("measures"))
    }

    @Test func missingTextColumnIsExitTwoNamingTheColumns() throws {
        let table = Fixtures.temporaryFile("c.csv", "id;spalte_3;ziel\n1;Hallo;mobil\n")
        let result = try CommandLineRunner.run([
            "run", "--framework", framework, "--comments", table.path, "--out", Fixtures.temporaryFolder().path,
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no text column; found columns: 'id', 'spalte_3', 'ziel'"))
    }

    @Test func unreadablePathIsExitTwo() throws {
        let result = try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments", "/nonexistent/c.csv", "--out", Fixtures.temporaryFolder().path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/c.csv"))
    }

    @Test(
        "every command explains itself with an example",
        arguments: [["--help"], ["run", "--help"], ["tokenize", "--help"], ["eval", "--help"], ["eval", "stemmer", "--help"]])
    func help(_ arguments: [String]) throws {
        let result = try CommandLineRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Example") || result.standardOutput.contains("SUBCOMMANDS"))
    }

    /// Issue "A planner's first night": labels that match no measure id printed all zeros and exit 0.
    @Test func evalWithLabelsThatAreNoMeasureIsAnErrorAndALabelMapMapsThem() throws {
        let comments = Fixtures.temporaryFile(
            "labelled.csv",
            "id,goal,text,labels\n1,mobil,Mehr sichere Radwege,Radverkehr\n2,mobil,Der Bus kommt zu selten,Bus;mobil.bus\n")
        let unknown = try CommandLineRunner.run(["eval", "--framework", framework, "--comments", comments.path])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("2 gold labels are no measure of"), "\(unknown.standardError)")
        #expect(unknown.standardError.contains("'Bus' (1×), 'Radverkehr' (1×)"))
        let map = Fixtures.temporaryFile("labels.txt", "# gold label = measure id\nRadverkehr = mobil.rad\nBus =\n")
        let mapped = try CommandLineRunner.run([
            "eval", "--framework", framework, "--comments", comments.path, "--label-map", map.path,
        ])
        #expect(mapped.status == 0, "\(mapped.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(mapped.standardOutput.utf8)) as? [String: Any]
        #expect(report?["comments_with_labels"] as? Int == 2)
    }
}
