import Corpus
import Foundation
import PropertyBased
import Testing
import _TestSupport

/// Properties of the comment readers on generated hostile texts (``HostileText``): whatever a
/// file holds, every row is accepted with its text intact or rejected with a reason, and reading
/// the same export again changes nothing.
struct ReaderPropertyTests {
    /// What the reader must make of a generated text: its trimmed self, or a rejection.
    static func expectedText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed.unicodeScalars.contains("\u{0}") ? nil : trimmed
    }

    /// Checks `result` against the expected texts (nil: rejected).
    static func check(_ result: IngestResult, texts: [String?]) {
        #expect(result.rowsRead == texts.count)
        #expect(result.comments.count == texts.compactMap { $0 }.count)
        var comments = result.comments.makeIterator()
        for (index, text) in texts.enumerated() {
            if let text {
                let comment = comments.next()
                #expect(comment?.id == "r\(index)")
                #expect(comment?.text == text, "row \(index)")
            } else {
                #expect(result.rejected.contains { $0.id == "r\(index)" }, "row \(index) neither accepted nor rejected")
            }
        }
    }

    /// CSV written by RFC 4180 (every text quoted, `"` doubled) reads back to the same texts.
    @Test func quotedCSVReadsBackToTheSameTexts() async throws {
        await propertyCheck(count: 200, input: HostileText.text(pieces: 0...30).array(of: 1...12)) { texts in
            let rows = texts.enumerated().map { "r\($0.offset)," + Fixtures.csvQuoted($0.element) }
            let url = Fixtures.temporaryFile("hostile.csv", "id,text\n" + rows.joined(separator: "\n") + "\n")
            Self.check(try CommentReader.read([url], goalIDs: []), texts: texts.map(Self.expectedText))
        }
    }

    /// JSON Lines whose texts hold unpaired surrogate escapes (`\udc00`) read back with U+FFFD in
    /// their place; nothing else changes. The texts hold no U+FEFF: Foundation's JSON parser drops
    /// one that opens a string or follows an escape (docs/robustness.md).
    @Test func jsonLinesWithUnpairedSurrogatesReadBack() async throws {
        let segment = Gen.frequency(
            (4, HostileText.text(pieces: 0...8).map(Self.withoutByteOrderMarks).map { (json: Self.jsonString($0), text: $0) }),
            (1, Gen<UInt32>.value(in: 0xD800...0xDFFF).map { (json: "\\u" + String($0, radix: 16) + "x", text: "\u{FFFD}x") }))
        await propertyCheck(count: 200, input: segment.array(of: 0...6).array(of: 1...10)) { rows in
            let lines = rows.enumerated().map { #"{"id": "r\#($0.offset)", "text": ""# + $0.element.map(\.json).joined() + "\"}" }
            let url = Fixtures.temporaryFile("hostile.jsonl", lines.joined(separator: "\n") + "\n")
            Self.check(try CommentReader.read([url], goalIDs: []), texts: rows.map { Self.expectedText($0.map(\.text).joined()) })
        }
    }

    /// Reading an export and then the same export again as a later file replaces every comment
    /// by itself: the same ids and texts, every row of the second file superseding one of the first.
    @Test func readingTheSameExportAgainChangesNothing() async throws {
        await propertyCheck(count: 100, input: HostileText.text(pieces: 0...30).array(of: 1...12), Gen.bool) { texts, withIDs in
            let rows = texts.enumerated().map {
                (withIDs ? "r\($0.offset)," : "") + Fixtures.csvQuoted($0.element)
            }
            let header = withIDs ? "id,text\n" : "text\n"
            let folder = Fixtures.temporaryFolder()
            let first = folder.appendingPathComponent("night-1.csv")
            let second = folder.appendingPathComponent("night-2.csv")
            try Data((header + rows.joined(separator: "\n")).utf8).write(to: first)
            try FileManager.default.copyItem(at: first, to: second)
            let once = try CommentReader.read([first], goalIDs: [])
            let twice = try CommentReader.read([first, second], goalIDs: [])
            #expect(twice.comments.map(\.id) == once.comments.map(\.id))
            #expect(twice.comments.map(\.text) == once.comments.map(\.text))
            #expect(twice.superseded == once.comments.count)
            #expect(twice.rejected.count == 2 * once.rejected.count)
        }
    }

    @Sendable static func withoutByteOrderMarks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" }))
    }

    /// `text` as the inside of a JSON string.
    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])) ?? Data("\"\"".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
