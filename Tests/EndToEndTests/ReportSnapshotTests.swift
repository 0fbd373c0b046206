import Foundation
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
        let update = ProcessInfo.processInfo.environment["RESONANZ_UPDATE_SNAPSHOTS"] == "1"
        for file in Self.files {
            let produced = Self.masked(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8), file: file)
            let snapshot = Fixtures.repositoryFile(
                "Tests/Fixtures/snapshots/mini/" + file.replacingOccurrences(of: "/", with: "-"))
            if update {
                try produced.write(to: snapshot, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try String(contentsOf: snapshot, encoding: .utf8)
            #expect(
                produced == recorded,
                "\(file) differs from its snapshot (see the type's comment):\n\(Fixtures.lineDiff(recorded, produced))")
        }
    }
}
