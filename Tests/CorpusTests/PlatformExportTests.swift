import Corpus
import Foundation
import Testing
import _TestSupport

/// A consultation exported the way German participation platforms export it: Windows-1252, `;`,
/// German headers, German dates, goals by title, some rows without goal (issue "A planner's first
/// night with a real platform export").
struct PlatformExportTests {
    static let goals = GoalMatcher(goals: [("mobil", "Mobilität im Quartier"), ("bildung", "Digitale Bildung")])

    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "€": return 0x80
            case "„": return 0x84
            case "“": return 0x93
            default: return UInt8(truncatingIfNeeded: scalar.value)
            }
        }
    }

    static let export = """
        Beitrags-ID;Ziel;Text;Erstellt am;Autor/in;Status
        101;Mobilität im Quartier;Mehr sichere Radwege am Ring;04.11.2026 08:33;Anna;freigegeben
        102;digitale  BILDUNG;Tablets für die Grundschule;05.11.2026 17:05;Ben;freigegeben
        103;;Ein Beitrag ohne Ziel;06.11.26;Carla;freigegeben
        104;Wohnen;Bezahlbare Wohnungen;gestern;Dora;freigegeben

        """

    func read(
        _ bytes: [UInt8], name: String = "export.csv", options: CommentReadOptions = CommentReadOptions()
    ) throws -> IngestResult {
        let url = Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try CommentReader.read([url], goals: Self.goals, options: options)
    }

    @Test func aPlatformExportKeepsIdsDatesGoalsAndAuthors() throws {
        let result = try read(Self.windows1252(Self.export))
        #expect(result.rowsRead == 4 && result.rejected.isEmpty)
        let byID = Dictionary(uniqueKeysWithValues: result.comments.map { ($0.id, $0) })
        #expect(byID["101"]?.goal == "mobil")
        #expect(byID["102"]?.goal == "bildung")
        #expect(byID["103"]?.goal == nil)
        #expect(byID["104"]?.goal == nil && byID["104"]?.metadata["posted_goal"] == "Wohnen")
        #expect(byID["101"]?.createdAt == "2026-11-04T08:33:00+01:00")
        #expect(byID["103"]?.createdAt == "2026-11-06")
        #expect(byID["104"]?.createdAt == nil && byID["104"]?.metadata["posted_date"] == "gestern")
        #expect(byID["101"]?.author == "Anna")
        #expect(byID["101"]?.text == "Mehr sichere Radwege am Ring")
        #expect(result.comments.allSatisfy { !$0.idWasDerived })
        let use = try #require(result.columns.first)
        #expect(
            use.fields == [
                "id": "Beitrags-ID", "goal": "Ziel", "text": "Text", "created_at": "Erstellt am", "author": "Autor/in",
            ])
        #expect(use.unused == ["Status"])
        let kinds = WarningSummary.of(result.warnings).map { ($0.kind, $0.count) }
        #expect(kinds.map(\.0) == [.unknownGoal, .unreadableDate, .encoding])
        #expect(result.warnings.first { $0.kind == .unknownGoal }?.value == "Wohnen")
    }

    @Test func aTitleColumnIsJoinedBeforeTheText() throws {
        let result = try read(Array("Nr.;Überschrift;Beitrag\n1;Radwege;Bitte mehr davon\n2;;Nur Text\n".utf8))
        #expect(result.comments.map(\.text) == ["Radwege\n\nBitte mehr davon", "Nur Text"])
        #expect(result.comments.map(\.id) == ["1", "2"])
    }

    @Test func optionsAndAColumnFileNameColumnsTheUsualNamesMiss() throws {
        let text = Array("Kennung;Meinung;Wann\nx1;Radwege;2026/11/04\n".utf8)
        let options = CommentReadOptions(
            idColumn: "Kennung", textColumn: "Meinung", dateColumn: "Wann", dates: DateReader(format: "yyyy/MM/dd"))
        let result = try read(text, options: options)
        #expect(result.comments.first?.id == "x1" && result.comments.first?.createdAt == "2026-11-04")
        let file = Fixtures.temporaryFile("columns.yaml", "id: Kennung\ntext: Meinung\ndate: Wann\ndate_format: yyyy/MM/dd\n")
        let loaded = try ColumnFile.load(file.path)
        #expect(loaded.id == "Kennung" && loaded.dateFormat == "yyyy/MM/dd")
        #expect(throws: CorpusError.self) { try ColumnFile.load(Fixtures.temporaryFile("bad.yaml", "idd: Kennung\n").path) }
    }

    @Test func anEmptyOrHeaderOnlyExportIsZeroRowsAndAWarning() throws {
        for bytes in [[], Array("\u{FEFF}".utf8), Array("Beitrags-ID;Text\n".utf8), Array("id,text\n\n\n".utf8)] {
            let result = try read(bytes)
            #expect(result.rowsRead == 0)
            #expect(result.warnings.map(\.kind) == [.emptyFile])
        }
    }

    @Test func aFolderOfExportsIsReadInNameOrder() throws {
        let folder = Fixtures.temporaryFolder()
        try Data("id;text\n1;Radwege\n2;Busse\n".utf8).write(to: folder.appendingPathComponent("2026-11-01.csv"))
        try Data("id;text\n1;Mehr Radwege\n3;Tablets\n".utf8).write(to: folder.appendingPathComponent("2026-11-02.csv"))
        try Data("{\"id\": \"4\", \"text\": \"Kita\"}\n".utf8).write(to: folder.appendingPathComponent("later.jsonl"))
        let result = try CommentReader.read([folder], goals: Self.goals)
        #expect(result.comments.map(\.id) == ["1", "2", "3", "4"])
        #expect(result.comments.first?.text == "Mehr Radwege")
        #expect(result.superseded == 1)
    }

    @Test func goalsAreFoundByIdOrNormalisedTitle() {
        #expect(Self.goals.goal(for: "mobil") == "mobil")
        #expect(Self.goals.goal(for: "Mobilität  im QUARTIER") == "mobil")
        #expect(Self.goals.goal(for: "Mobilita\u{308}t im Quartier") == "mobil")  // decomposed umlaut
        #expect(GoalMatcher(goals: [("a", "Gleich"), ("b", "gleich")]).goal(for: "Gleich") == nil)
    }
}
