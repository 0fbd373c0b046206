import Foundation
import Testing
import _TestSupport

/// The nightly job on a platform's export as it comes: Windows-1252, `;`, German headers and
/// dates, goals by title, no column flags.
@Suite(.serialized)
struct PlatformExportRunTests {
    let framework = "Tests/Fixtures/mini/framework.yaml"

    static func export(_ firstText: String) -> String {
        """
        Beitrags-ID;Ziel;Text;Erstellt am;Autor/in;Status
        101;Mobilität im Quartier;\(firstText);04.11.2026 08:33;Anna Müller;freigegeben
        102;digitale  BILDUNG;Die Volkshochschule soll Kurse für Senioren am Tablet anbieten.;05.11.2026 17:05;Ben;freigegeben
        103;;Der Bus zur Schule kommt zu selten.;06.11.26;Carla;freigegeben
        104;Wohnen;Bezahlbare Wohnungen für Familien;gestern;Dora;freigegeben

        """
    }

    static func windows1252(_ text: String) -> Data {
        Data(
            text.replacingOccurrences(of: "\n", with: "\r\n").unicodeScalars.map { scalar -> UInt8 in
                scalar == "€" ? 0x80 : UInt8(truncatingIfNeeded: scalar.value)
            })
    }

    func run(_ paths: [String], out: URL, epoch: String) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments"] + paths + ["--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    func report(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anExportAsItComesKeepsIdsDatesGoalsAndAuthorsAndCountsAnEditAsChanged() throws {
        let folder = Fixtures.temporaryFolder()
        let out = folder.appendingPathComponent("out")
        let file = folder.appendingPathComponent("export.csv")
        try Self.windows1252(Self.export("Wir brauchen sichere Radwege für 5 € im Monat.")).write(to: file)
        let first = try run([file.path], out: out, epoch: "1762300000")
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("read 4 rows: 4 accepted + 0 rejected (new 4, changed 0"))
        // Which column gave what, once per file, and the warnings counted per kind.
        #expect(first.standardError.contains("id ← 'Beitrags-ID'"))
        #expect(first.standardError.contains("author ← 'Autor/in'"))
        #expect(first.standardError.contains("unknown goal 'Wohnen'"), "\(first.standardError)")

        let written = try report(out)
        let comments = try #require(written["comments"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: comments.map { ($0["id"] as? String ?? "", $0) })
        #expect(Set(byID.keys) == ["101", "102", "103", "104"])
        #expect(byID["101"]?["goal"] as? String == "mobil")
        #expect(byID["102"]?["goal"] as? String == "bildung")
        #expect(byID["101"]?["created_at"] as? String == "2026-11-04T08:33:00+01:00")
        let stats = try #require(written["run"] as? [String: Any])
        let columns = try #require((stats["columns"] as? [[String: Any]])?.first?["fields"] as? [String: String])
        #expect(columns["author"] == "Autor/in" && columns["created_at"] == "Erstellt am")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## Eingabe"))
        #expect(markdown.contains("`Wohnen`"), "the unknown goal's value is shown in report.md")

        // The second night: the citizen edited comment 101 on the platform.
        try Self.windows1252(Self.export("Wir brauchen sichere Radwege, auch im Winter geräumt.")).write(to: file)
        let second = try run([file.path], out: out, epoch: "1762386400")
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("(new 0, changed 1, unchanged 3"), "\(second.standardOutput)")
    }

    @Test func anEmptyExportIsZeroRowsAndExitsZero() throws {
        let folder = Fixtures.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let headerOnly = folder.appendingPathComponent("header.csv")
        try Data("Beitrags-ID;Ziel;Text;Erstellt am\r\n".utf8).write(to: headerOnly)
        for file in [empty, headerOnly] {
            let out = folder.appendingPathComponent("out-\(file.lastPathComponent)")
            let result = try run([file.path], out: out, epoch: "1762300000")
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("read 0 rows: 0 accepted + 0 rejected"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path))
        }
    }

    @Test func aFolderOfExportsIsReadInNameOrder() throws {
        let folder = Fixtures.temporaryFolder()
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try Data("id,goal,text\na1,mobil,Mehr Radwege am Ring\n".utf8).write(to: exports.appendingPathComponent("2026-11-01.csv"))
        try Data("{\"id\": \"a2\", \"goal\": \"bildung\", \"text\": \"Kurse für Senioren\"}\n".utf8)
            .write(to: exports.appendingPathComponent("2026-11-02.jsonl"))
        try Data("Ein Brief zur Schule".utf8).write(to: exports.appendingPathComponent("brief.txt"))
        try Data("kein Export".utf8).write(to: exports.appendingPathComponent("notizen.pdf"))
        let out = folder.appendingPathComponent("out")
        let result = try run([exports.path], out: out, epoch: "1762300000")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("read 3 rows: 3 accepted"), "\(result.standardOutput)")
    }

    @Test func aStrategySavedInWindows1252Imports() throws {
        let strategy = """
            \u{2022} Mobilität im Quartier verbessern

              Dazu unterstützen wir \u{2026}

              \u{2026} sichere Radwege für Schülerinnen.

            """
        // Windows-1252: • is 0x95, … is 0x85, the umlauts their Latin-1 bytes.
        let bytes = strategy.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "\u{2022}": return 0x95
            case "\u{2026}": return 0x85
            default: return UInt8(truncatingIfNeeded: scalar.value)
            }
        }
        let file = Fixtures.temporaryFolder().appendingPathComponent("strategie.txt")
        try Data(bytes).write(to: file)
        let result = try CommandLineRunner.run(["framework", "import", file.path, "--id", "quartier"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("title: \"Mobilität im Quartier verbessern\""))
        #expect(result.standardOutput.contains("id: mobilitaet-quartier.radwege-schuelerinnen"))
    }

    /// A columns file keeps the cron line short; an option on the command line wins over it.
    @Test func aColumnsFileNamesTheColumnsAndTheCommandLineWins() throws {
        let folder = Fixtures.temporaryFolder()
        let export = folder.appendingPathComponent("export.csv")
        try Data(
            "Lfd. Nummer;Schlüssel;Ihr Hinweis;Eingang\n7;k-1;Mehr Radwege am Ring;03/11/2026 09:15\n".utf8
        ).write(to: export)
        let columns = folder.appendingPathComponent("columns.yaml")
        try Data("id: Lfd. Nummer\ntext: Ihr Hinweis\ndate: Eingang\ndate_format: dd/MM/yyyy HH:mm\n".utf8).write(to: columns)
        let out = folder.appendingPathComponent("out")
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", framework, "--comments", export.path, "--columns", columns.path, "--id-column", "Schlüssel",
                "--out", out.path, "--quiet",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1762300000"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("id ← 'Schlüssel'"), "\(result.standardError)")
        let comments = try #require(try report(out)["comments"] as? [[String: Any]])
        #expect(comments.first?["id"] as? String == "k-1")
        #expect(comments.first?["created_at"] as? String == "2026-11-03T09:15:00+01:00")
    }
}
