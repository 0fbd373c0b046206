import Foundation
import Testing
import _TestSupport

/// report.html: one self-contained file that a real browser (headless Chromium, installed by
/// `make test`) parses into the goal tables and the charts.
@Suite(.serialized)
struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func report() throws -> URL {
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/privacy/comments.csv",
                "--out", out.path, "--quiet",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        return out.appendingPathComponent("report.html")
    }

    @Test func makesNoExternalRequestAndDefusesComments() throws {
        let html = try String(contentsOf: report(), encoding: .utf8)
        for external in ["<script", "<link", "<img", "src=", "url(", "@import", "href=\"http"] {
            #expect(!html.contains(external), "report.html contains \(external)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("href=\"#goal-mobil\"") && html.contains("href=\"#overview\""))
        #expect(!html.contains(".md\""))
    }

    @Test(.enabled(if: chromium != nil, "needs Chromium: make test installs it"))
    func aBrowserShowsTheGoalTablesAndCharts() throws {
        let file = try report()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Fixtures.temporaryFolder("chromium").path,
            "--dump-dom", file.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        // The overview, then one section per goal, each with its measure table and chart.
        for section in ["id=\"overview\"", "id=\"goal-mobil\"", "id=\"goal-bildung\""] { #expect(dom.contains(section)) }
        #expect(dom.components(separatedBy: "<table>").count - 1 >= 6)
        #expect(dom.components(separatedBy: "<svg").count - 1 == 4)  // goals, topics, one per goal
        #expect(dom.contains("<rect") && dom.contains("Sichere Radwege"))
        #expect(dom.contains("[E-Mail]") && !dom.contains("anna.beispiel@example.org"))
    }
}

/// `--templates DIR`: a user's template replaces the shipped one; a broken one is exit 2 with its path.
struct ReportTemplateTests {
    @Test func aUsersTemplateLaysOutTheReport() throws {
        let templates = Fixtures.temporaryFolder("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let template =
            "Bericht für {{framework_title}} ({{comments}} Beiträge)\n\n{{#goal_list}}- [{{title}}]({{link}})\n{{/goal_list}}\n"
            + "## {{{labels.method}}}\n\n{{{method_text}}}\n"
        try template.write(to: templates.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--out", out.path, "--quiet", "--templates", templates.path,
            ],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        let overview = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(overview.hasPrefix("Bericht für Mini-Strategie (9 Beiträge)\n\n- [Mobilität im Quartier](goals/mobil.md)\n"))
        #expect(overview.contains("## Methode") && !overview.contains("## Auf einen Blick"))
        // The goal pages keep the shipped template.
        let page = try String(contentsOf: out.appendingPathComponent("goals/mobil.md"), encoding: .utf8)
        #expect(page.hasPrefix("# Ziel: Mobilität im Quartier"))
    }

    @Test func aBrokenTemplateIsExitTwoNamingTheFile() throws {
        let templates = Fixtures.temporaryFolder("broken-templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#goals}} never closed".write(
            to: templates.appendingPathComponent("goal.md.mustache"), atomically: true, encoding: .utf8)
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--out", Fixtures.temporaryFolder().path, "--quiet", "--templates", templates.path,
            ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("goal.md.mustache: not a valid Mustache template"))
    }
}
