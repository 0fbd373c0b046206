import Corpus
import Foundation
import PropertyBased
import Testing
import _TestSupport

/// Tests ``CommentReader``: formats, encodings, line numbers, and that every row is accounted for.
struct CommentReaderTests {
    let goals: Set<String> = ["standort", "kompetenzen"]

    func read(_ name: String, _ text: String, options: CommentReadOptions = CommentReadOptions()) throws -> IngestResult {
        try CommentReader.read([Fixtures.temporaryFile(name, text)], goalIDs: goals, options: options)
    }

    func read(_ name: String, bytes: [UInt8], options: CommentReadOptions = CommentReadOptions()) throws -> IngestResult {
        let url = Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try CommentReader.read([url], goalIDs: goals, options: options)
    }

    @Test func readsTheShippedJenaCorpus() throws {
        let result = try CommentReader.read(
            [Fixtures.repositoryFile("corpora/jena-hf4/comments.csv")],
            goalIDs: ["standort", "wertschoepfung", "kompetenzen", "innovationen"])
        #expect(result.comments.count >= 400)
        #expect(result.rowsRead == result.comments.count + result.rejected.count)
        #expect(result.rejected.allSatisfy { $0.reason == "empty text" })
        #expect(Set(result.comments.map(\.id)).count == result.comments.count)
        // A run lets go of the comments once the store has them; the rows stay counted.
        var released = result
        released.releaseComments()
        #expect(released.comments.isEmpty)
        #expect(released.accepted == result.accepted && released.rowsRead == result.rowsRead)
    }

    @Test("delimiter is detected", arguments: [",", ";", "\t"])
    func delimiter(_ delimiter: String) throws {
        let text =
            ["id", "goal", "text"].joined(separator: delimiter) + "\n"
            + ["1", "standort", "Mehr Radwege"].joined(separator: delimiter) + "\n"
        let result = try read("c.csv", text)
        #expect(result.comments.map(\.text) == ["Mehr Radwege"])
        #expect(result.comments.first?.goal == "standort")
    }

    // Found by ReaderPropertyTests: the parser read Characters, and a quote or delimiter followed
    // by a combining mark is one Character (`"` + U+0300), so the cell was not seen as quoted.
    @Test func quotesAndDelimitersFollowedByCombiningMarksStillCount() throws {
        let text = "id,text,goal\n1,\"\u{300}Radweg, mit Akzent\"\"\u{301}\",\u{302}x\r\n2,\"\"\"\u{308}\"\r\n"
        let result = try read("c.csv", text)
        #expect(result.comments.map(\.text) == ["\u{300}Radweg, mit Akzent\"\u{301}", "\"\u{308}"])
        #expect(result.comments.first?.metadata["posted_goal"] == "\u{302}x")
        #expect(result.rejected.isEmpty)
    }

    @Test func quotedFieldsWithNewlinesKeepLineNumbers() throws {
        let text = "id;text\n1;\"erste Zeile\nzweite Zeile\"\n2;\"\"\n3;dritter\n"
        let result = try read("c.csv", text)
        #expect(result.comments.map(\.id) == ["1", "3"])
        #expect(result.comments.map(\.source.line) == [2, 5])
        #expect(result.comments.first?.text == "erste Zeile\nzweite Zeile")
        #expect(result.rejected.map(\.source.line) == [4])
        #expect(result.rejected.first?.reason == "empty text")
    }

    @Test func headerNamesMatchCaseInsensitivelyAndByMapping() throws {
        let result = try read("c.csv", "ID,Kommentar,Ziel\n7,Gut so,kompetenzen\n")
        #expect(result.comments.first?.id == "7")
        #expect(result.comments.first?.goal == "kompetenzen")
        let mapped = try read(
            "d.csv", "nr,beitragstext\n1,Hallo Jena\n", options: CommentReadOptions(idColumn: "nr", textColumn: "beitragstext"))
        #expect(mapped.comments.first?.text == "Hallo Jena")
    }

    @Test func missingTextColumnNamesTheColumnsFound() {
        do {
            _ = try read("c.csv", "id,titel,datum\n1,x,2026-01-01\n")
            Issue.record("expected an error")
        } catch let error as CorpusError {
            #expect(error == .missingTextColumn(path: error.path, columnsFound: ["id", "titel", "datum"]))
            #expect(error.description.contains("'titel'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func mappedColumnThatDoesNotExistIsAnError() {
        #expect(throws: CorpusError.self) {
            try read("c.csv", "id,text\n1,x\n", options: CommentReadOptions(textColumn: "body_text"))
        }
    }

    @Test func byteOrderMarkAndWindows1252() throws {
        let bom = try read("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,text\n1,Straße\n".utf8))
        #expect(bom.comments.first?.id == "1")
        #expect(bom.comments.first?.text == "Straße")
        // "Straße" in Windows-1252: ß is the single byte 0xDF.
        let legacy = try read("win.csv", bytes: Array("id;text\n1;Stra".utf8) + [0xDF] + Array("e\n".utf8))
        #expect(legacy.comments.first?.text == "Straße")
        let forced = try read(
            "win.csv", bytes: Array("id;text\n1;Stra".utf8) + [0xDF] + Array("e\n".utf8),
            options: CommentReadOptions(encoding: .utf8))
        #expect(forced.comments.isEmpty)
        #expect(forced.rejected.first?.reason.hasPrefix("undecodable bytes on line 2") == true)
    }

    @Test func raggedRowsAreReadAndExtraCellsKept() throws {
        let result = try read("c.csv", "id,text,goal\n1,kurz\n2,lang,standort,extra\n")
        #expect(result.comments.map(\.text) == ["kurz", "lang"])
        #expect(result.comments.last?.metadata["column_4"] == "extra")
    }

    @Test func everyRowIsAccountedFor() throws {
        let long = String(repeating: "a", count: 30)
        let text =
            "id,goal,text,created_at\n1,standort,Eins,2026-10-01\n1,standort,Anders,\n2,unbekannt,Zwei,gestern\n3,,   ,\n4,kompetenzen,\(long),\n,standort,ohne id,\n,standort,ohne id,\n"
        let result = try read("c.csv", text, options: CommentReadOptions(maximumTextLength: 20))
        #expect(result.rowsRead == 7)
        #expect(result.comments.map(\.id).count == 4)
        #expect(result.rejected.map(\.source.line) == [3, 5, 6])
        #expect(result.rejected[0].reason.contains("already used by the row at"))
        #expect(result.rejected[2].reason.contains("more than the limit of 20"))
        let unknownGoal = result.comments.first { $0.id == "2" }
        #expect(unknownGoal?.goal == nil)
        #expect(unknownGoal?.metadata["posted_goal"] == "unbekannt")
        #expect(unknownGoal?.createdAt == nil)
        #expect(result.warnings.count == 2)
        let derived = result.comments.filter(\.idWasDerived).map(\.id)
        #expect(derived.count == 2)
        #expect(derived[1] == derived[0] + "-2")
    }

    @Test func jsonLines() throws {
        let text = """
            {"id": "a", "text": "Mehr Grün", "labels": ["m.one", "m.two"], "goal": "standort", "score": 3}
            not json
            {"id": 5, "text": null}

            {"id": "c", "body": "Text aus body", "labels": "m.one; m.two"}
            [1, 2]
            """
        let result = try read("c.jsonl", text)
        #expect(result.comments.map(\.id) == ["a", "c"])
        #expect(result.comments.first?.labels == ["m.one", "m.two"])
        #expect(result.comments.first?.metadata["score"] == "3")
        #expect(result.comments.last?.labels == ["m.one", "m.two"])
        #expect(result.rejected.map(\.source.line) == [2, 3, 6])
        #expect(result.rejected[0].reason.hasPrefix("invalid JSON"))
        #expect(result.rowsRead == 5)
    }

    @Test func folderOfTextFiles() throws {
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("standort"), withIntermediateDirectories: true)
        try Data("Mehr Fachkräfte".utf8).write(to: folder.appendingPathComponent("standort/b12.txt"))
        try Data("Ohne Ziel".utf8).write(to: folder.appendingPathComponent("a01.txt"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let result = try CommentReader.read([folder], goalIDs: goals)
        #expect(result.comments.map(\.id) == ["a01", "b12"])
        #expect(result.comments.map(\.goal) == [nil, "standort"])
    }

    @Test func unknownFormatAndMissingPathAreErrors() {
        #expect(throws: CorpusError.self) { try read("c.xlsx", "x") }
        #expect(throws: CorpusError.self) {
            try CommentReader.read([URL(fileURLWithPath: "/nonexistent/c.csv")], goalIDs: [])
        }
    }

    @Test(
        "ISO 8601 and German dates",
        arguments: [
            ("2026-10-14", true), ("2026-10-14T19:42", true), ("2026-10-14T19:42:00", true), ("2026-10-14T19:42:00.5Z", true),
            ("2026-10-14T19:42:00+02:00", true), ("2026-02-29", false), ("2024-02-29", true), ("14.10.2026", true),
            ("2026-13-01", false),
            ("14/10/2026", false),
        ])
    func dates(_ text: String, _ valid: Bool) throws {
        let result = try read("c.csv", "id,text,created_at\n1,x,\(text)\n")
        #expect((result.comments.first?.createdAt != nil) == valid)
    }
}

extension CorpusError {
    var path: String {
        switch self {
        case .unreadable(let path, _), .frameworkSyntax(let path, _, _, _), .frameworkInvalid(let path, _, _, _),
            .missingTextColumn(let path, _), .missingMappedColumn(let path, _, _, _), .undecodable(let path, _),
            .unsupportedFormat(let path), .missingReviewColumns(let path, _):
            return path
        }
    }
}

/// Regression tests for broken input found in review: nothing may vanish silently.
struct CommentReaderRegressionTests {
    let goals: Set<String> = ["mobil", "bildung"]

    func read(_ name: String, _ text: String) throws -> IngestResult {
        try CommentReader.read([Fixtures.temporaryFile(name, text)], goalIDs: goals)
    }

    @Test func unclosedQuoteRejectsItsRowAndKeepsTheRest() throws {
        let result = try read("c.csv", "id,text\n1,\"Radwege sind gut\n2,Busse fahren selten\n3,Schule\n")
        #expect(result.rowsRead == 3)
        #expect(result.comments.map(\.id) == ["2", "3"])
        #expect(result.rejected.map(\.source.line) == [2])
        #expect(result.rejected.first?.reason.contains("never closed") == true)
    }

    @Test func textAfterAClosingQuoteIsMalformed() throws {
        let result = try read("c.csv", "id,text\n1,\"Radwege\" sind gut\n2,Busse\n")
        #expect(result.comments.map(\.id) == ["2"])
        #expect(result.rejected.first?.reason.contains("after the closing quote") == true)
    }

    @Test func quotesInsideUnquotedFieldsAreText() throws {
        let result = try read("c.csv", "id,text\n1,Er sagte \"hallo\" zu mir\n")
        #expect(result.comments.first?.text == "Er sagte \"hallo\" zu mir")
    }

    @Test func crlfLineEnds() throws {
        let csv = try read("c.csv", "id,text\r\n1,\"zwei\r\nZeilen\"\r\n2,eins\r\n")
        #expect(csv.comments.map(\.id) == ["1", "2"])
        #expect(csv.comments.map(\.source.line) == [2, 4])
        let jsonl = try read("c.jsonl", "{\"id\": \"a\", \"text\": \"eins\"}\r\n{\"id\": \"b\", \"text\": \"zwei\"}\r\n")
        #expect(jsonl.comments.map(\.id) == ["a", "b"])
        #expect(jsonl.rejected.isEmpty)
    }

    @Test func oneColumnTablesAreNotSplit() throws {
        let result = try read("c.csv", "text\nHallo, wie geht's; gut\n")
        #expect(result.comments.first?.text == "Hallo, wie geht's; gut")
    }

    @Test func extraCellsAreKeptWithAWarning() throws {
        let result = try read("c.csv", "id;text;labels\n1;Radwege;mobil.rad;mobil.bus\n")
        #expect(result.comments.first?.labels == ["mobil.rad"])
        #expect(result.comments.first?.metadata["column_4"] == "mobil.bus")
        #expect(result.warnings.first?.message.contains("4 cells but the header 3") == true)
    }

    @Test func mixedEncodingReadsTheWindows1252LineAsSuch() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("c.csv")
        try Data(Array("id;text\n1;Bürger\n2;Stra".utf8) + [0xDF] + Array("e\n3;Straße\n".utf8)).write(to: url)
        let result = try CommentReader.read([url], goalIDs: goals)
        #expect(result.comments.map(\.text) == ["Bürger", "Straße", "Straße"])
        #expect(result.rejected.isEmpty)
        #expect(result.warnings.first?.source.line == 3)
        #expect(result.warnings.first?.message.contains("Windows-1252") == true)
    }

    @Test func utf16FromExcel() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("c.tsv")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "id\ttext\r\n1\tBürger:innen\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: url)
        let result = try CommentReader.read([url], goalIDs: goals)
        #expect(result.comments.map(\.text) == ["Bürger:innen"])
    }

    @Test func sameFileNameInTwoGoalFolders() throws {
        let folder = Fixtures.temporaryFolder()
        for goal in ["mobil", "bildung"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(goal), withIntermediateDirectories: true)
            try Data("Beitrag zu \(goal)".utf8).write(to: folder.appendingPathComponent("\(goal)/1.txt"))
        }
        try Data("einzeln".utf8).write(to: folder.appendingPathComponent("mobil/2.txt"))
        let result = try CommentReader.read([folder], goalIDs: goals)
        // File names are the ids (the contract): the second 1.txt is rejected, naming the first.
        #expect(result.comments.map(\.id) == ["1", "2"])
        #expect(result.comments.map(\.goal) == ["bildung", "mobil"])
        #expect(result.rejected.first?.reason.contains("bildung/1.txt") == true)
    }

    @Test func labelsGivenTellsEmptyGoldFromNoGold() throws {
        let with = try read("a.csv", "id,text,labels\n1,x,\n")
        let without = try read("b.csv", "id,text\n1,x\n")
        #expect(with.comments.first?.labelsGiven == true)
        #expect(without.comments.first?.labelsGiven == false)
    }
}

/// Tests ``ISODate/sortKey(_:)``.
struct ISODateTests {
    @Test func instantsIncludeTheOffset() {
        #expect(ISODate.sortKey("1970-01-01") == 0)
        #expect(ISODate.sortKey("2026-10-14T19:42:00Z") == ISODate.sortKey("2026-10-14T21:42:00+02:00"))
        #expect(ISODate.sortKey("2026-10-14T23:00:00-02:00")! > ISODate.sortKey("2026-10-15T00:30:00")!)
        #expect(ISODate.sortKey("2000-03-01")! - ISODate.sortKey("2000-02-28")! == 2 * 86_400)
        #expect(ISODate.sortKey("gestern") == nil)
    }

    /// The rules read Character by Character, as before the reader worked on bytes: what the
    /// byte version must agree with on any text.
    static func byCharacters(_ text: String) -> Double? {
        let characters = Array(text)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            let digits = characters[range]
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return Int(String(digits))
        }
        guard characters.count >= 10, let year = number(0..<4), characters[4] == "-", let month = number(5..<7),
            characters[7] == "-", let day = number(8..<10), (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        // Days since 0000-01-01 (proleptic Gregorian): 365 per year, one more per leap year before.
        func days(_ year: Int) -> Int { 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400 }
        let day0 = days(year) + lengths[..<(month - 1)].reduce(0, +) + day - 1
        var seconds = Double(day0 - days(1970)) * 86_400
        if characters.count == 10 { return seconds }
        guard characters[10] == "T" || characters[10] == " ", let hour = number(11..<13), characters.count >= 16,
            characters[13] == ":", let minute = number(14..<16), hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < characters.count, characters[index] == ":" {
            guard let second = number((index + 1)..<(index + 3)), second < 61 else { return nil }
            seconds += Double(second)
            index += 3
            if index < characters.count, characters[index] == "." || characters[index] == "," {
                index += 1
                let start = index
                while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index == characters.count { return seconds }
        if characters[index] == "Z" { return index + 1 == characters.count ? seconds : nil }
        guard characters[index] == "+" || characters[index] == "-", characters.count == index + 6,
            let offsetHours = number((index + 1)..<(index + 3)), characters[index + 3] == ":",
            let offsetMinutes = number((index + 4)..<(index + 6)), offsetHours < 24, offsetMinutes < 60
        else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
        return seconds + (characters[index] == "+" ? -offset : offset)
    }

    /// Valid dates with one character replaced, inserted or removed, by ASCII and by what only
    /// looks like it (Arabic-Indic and full-width digits, a combining accent, CR LF).
    @Test func bytesAgreeWithCharactersNearValidDates() {
        let dates = [
            "2024-02-29", "2026-10-14T19:42", "2026-10-14 19:42:07", "2026-10-14T19:42:07.125Z",
            "2026-10-14T19:42:07,5+02:00", "1999-12-31T23:59:60-11:30",
        ]
        let pieces = ["0", "9", "x", "é", "\u{301}", "٣", "２", "\r\n", "Z", "+", "-", ":", " ", "T", ".", ""]
        var checked = 0
        for date in dates {
            let characters = Array(date)
            #expect(ISODate.sortKey(date) != nil && ISODate.sortKey(date) == Self.byCharacters(date))
            for position in 0...characters.count {
                for piece in pieces {
                    let inserted = String(characters[..<position]) + piece + String(characters[position...])
                    var variants = [inserted]
                    if position < characters.count {
                        variants.append(String(characters[..<position]) + piece + String(characters[(position + 1)...]))
                    }
                    for variant in variants {
                        #expect(ISODate.sortKey(variant) == Self.byCharacters(variant), "\(variant.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 3_000)
    }

    @Test func bytesAgreeWithCharactersOnHostileText() async {
        await propertyCheck(count: 300, input: HostileText.text()) { text in
            #expect(ISODate.sortKey(text) == Self.byCharacters(text), "\(text.debugDescription)")
        }
    }
}

/// Tests how a later file's row with a known id replaces the earlier one (newer exports).
struct SupersedingRowTests {
    @Test func aLaterFileReplacesTheEarlierRow() throws {
        let first = Fixtures.temporaryFile("export-1.csv", "id,text\n1,Radwege\n2,Busse\n")
        let second = Fixtures.temporaryFile("export-2.csv", "id,text\n1,Mehr Radwege\n2,Busse\n3,Neu\n")
        let result = try CommentReader.read([first, second], goalIDs: [])
        #expect(result.comments.map(\.id) == ["1", "2", "3"])
        #expect(result.comments.map(\.text) == ["Mehr Radwege", "Busse", "Neu"])
        #expect(result.superseded == 2)
        #expect(result.rejected.isEmpty)
        #expect(result.rowsRead == 5)
        #expect(result.accepted + result.rejected.count == result.rowsRead)
    }
}
