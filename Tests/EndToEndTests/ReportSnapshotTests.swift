import Foundation
import GRDB
import Testing
import _TestSupport

/// Snapshot tests: the reports of the mini fixture, byte for byte, against the files in
/// `Tests/Fixtures/snapshots/mini/`. A change to any report shows up here as a diff to read.
/// After an intended change: `RESONANZ_UPDATE_SNAPSHOTS=1 swift test --filter ReportSnapshotTests`,
/// then read the diff of the snapshot files before committing them.
/// In report.json the run id and the program and ICU versions are masked: they change with a
/// release or a system library, not with the report.
struct ReportSnapshotTests {
    static let files = [
        "report.md", "goals/mobil.md", "goals/bildung.md", "report.json", "charts/goals.svg", "charts/goals/mobil.svg",
        "report.html",
    ]

    static func masked(_ text: String, file: String) -> String {
        guard file == "report.json" else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for key in ["\"id\": ", "\"program_version\": ", "\"icu_version\": "] where line.hasPrefix("    " + key) {
                return "    " + key + "\"…\","
            }
            return String(line)
        }.joined(separator: "\n")
    }

    @Test func theMiniReportsAreAsRecorded() throws {
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--out", out.path, "--quiet", "--threads", "2",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.standardError)")
        for file in Self.files {
            let produced = Self.masked(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8), file: file)
            let snapshot = Fixtures.repositoryFile(
                "Tests/Fixtures/snapshots/mini/" + file.replacingOccurrences(of: "/", with: "-"))
            let difference = try Fixtures.snapshotDifference(produced, recordedIn: snapshot)
            #expect(difference == nil, "\(file) differs from its snapshot (see the type's comment):\n\(difference ?? "")")
        }
    }

    /// A store written by an earlier version keeps working: the mini run's result as 5cf676b
    /// stored it (`Tests/Fixtures/stored/`, without the fields added since), put in place of this
    /// version's, gives the reports that version wrote (`Tests/Fixtures/stored/reports-5cf676b/`,
    /// the mini snapshots of then, with the `runs` report.json has given each topic candidate
    /// since: the five every candidate then made, and today's wording of the line on how far to
    /// trust the counts) with `resonanz report`. A change to the stored format that
    /// old stores cannot follow fails here; `AnalysisPipeline.upgraded` is where a stored result
    /// gets what it lacks.
    @Test func aResultStoredByAnEarlierVersionGivesTheSameReports() throws {
        let out = Fixtures.temporaryFolder()
        let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        let first = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--out", out.path, "--quiet", "--threads", "2",
            ],
            environment: environment)
        #expect(first.status == 0, "\(first.standardError)")
        let stored = try String(
            contentsOf: Fixtures.repositoryFile("Tests/Fixtures/stored/mini-result-5cf676b.json"), encoding: .utf8)
        #expect(!stored.contains("warningSummary"))
        try DatabaseQueue(path: out.appendingPathComponent("resonanz.sqlite").path).write { db in
            try db.execute(sql: "DELETE FROM run_result_part")
            try db.execute(
                sql: "UPDATE run SET result = ?, result_format = NULL WHERE sequence = (SELECT max(sequence) FROM run)",
                arguments: [stored])
        }
        for file in Self.files { try FileManager.default.removeItem(at: out.appendingPathComponent(file)) }
        try Self.expectReportFromStore(in: out, equalTo: "Tests/Fixtures/stored/reports-5cf676b/")
    }

    /// `resonanz report` on the store in `out` writes the files of `folder` (masked as above), or
    /// of `changed` where that folder has the file.
    static func expectReportFromStore(in out: URL, equalTo folder: String, changed: String? = nil) throws {
        let report = try CommandLineRunner.run(
            ["report", "--framework", "Tests/Fixtures/mini/framework.yaml", "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(report.status == 0, "\(report.standardError)")
        for file in files {
            let produced = masked(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8), file: file)
            let name = file.replacingOccurrences(of: "/", with: "-")
            let source = changed.map { Fixtures.repositoryFile($0 + name) }
                .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
            let recorded = try String(contentsOf: source ?? Fixtures.repositoryFile(folder + name), encoding: .utf8)
            #expect(produced == recorded, "\(file):\n\(Fixtures.lineDiff(recorded, produced))")
        }
    }

    /// A whole store as 49c11c0 left it after the mini run (schema v5, its result in format 1,
    /// `Tests/Fixtures/stored/mini-store-49c11c0.sqlite`) is migrated when opened; `resonanz
    /// report` then gives the reports of a fresh run, but for what that run computed otherwise
    /// than today's (its count intervals: `Tests/Fixtures/stored/reports-49c11c0/`), and the next
    /// run stores its result in the current format beside the old runs.
    @Test func aStoreOfAnEarlierVersionIsMigratedAndGivesTheSameReports() throws {
        let out = Fixtures.temporaryFolder()
        let store = out.appendingPathComponent("resonanz.sqlite")
        try FileManager.default.copyItem(
            at: Fixtures.repositoryFile("Tests/Fixtures/stored/mini-store-49c11c0.sqlite"), to: store)
        try Self.expectReportFromStore(
            in: out, equalTo: "Tests/Fixtures/snapshots/mini/", changed: "Tests/Fixtures/stored/reports-49c11c0/")
        let run = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--out", out.path, "--quiet", "--threads", "2",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1700086400"])
        #expect(run.status == 0, "\(run.standardError)")
        let formats = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT result_format FROM run ORDER BY sequence").map { $0[0] as Int? }
        }
        #expect(formats.first == .some(nil) && formats.last == 2, "\(formats)")
    }
}
