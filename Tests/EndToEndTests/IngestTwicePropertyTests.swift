import Foundation
import PropertyBased
import Storage
import Testing
import _TestSupport

/// `resonanz ingest` of the same generated export twice: the second run finds every comment
/// unchanged and leaves the stored comments exactly as the first run stored them.
struct IngestTwicePropertyTests {
    /// A CSV export of `rows` with ids and goals.
    static func export(_ rows: [(text: String, goal: String)]) -> String {
        let lines = rows.enumerated().map { "c\($0.offset),\($0.element.goal)," + Fixtures.csvQuoted($0.element.text) }
        return "id,goal,text\n" + lines.joined(separator: "\n") + "\n"
    }

    @Test func ingestingAnExportTwiceChangesNothing() async throws {
        let goals = ["mobil", "bildung", "", "unbekannt"]
        let rows = zip(HostileText.text(pieces: 0...25), Gen<String?>.element(of: goals).map { $0 ?? "" }).array(of: 1...15)
        await propertyCheck(count: 25, input: rows) { rows in
            let folder = Fixtures.temporaryFolder()
            let file = folder.appendingPathComponent("export.csv")
            try Data(Self.export(rows.map { (text: $0.0, goal: $0.1) }).utf8).write(to: file)
            let store = folder.appendingPathComponent("store.sqlite").path
            let arguments = [
                "ingest", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", file.path, "--out", folder.path,
                "--db", store, "--quiet",
            ]
            let first = try CommandLineRunner.run(arguments)
            #expect(first.status == 0, "\(first.standardError)")
            let stored = try Store(path: store).comments()
            let second = try CommandLineRunner.run(arguments)
            #expect(second.status == 0, "\(second.standardError)")
            #expect(try Store(path: store).comments() == stored)
            #expect(second.standardOutput.contains("(new 0, changed 0, unchanged \(stored.count))"), "\(second.standardOutput)")
        }
    }
}
