import Corpus
import Foundation
import Testing
import _TestSupport

/// Tests the JSON Lines reader's repair of unpaired surrogate escapes (`SurrogateEscapeRepair`).
struct SurrogateEscapeRepairTests {
    /// The texts and warnings of a JSON Lines file holding one `{"id": …, "text": …}` per text.
    func read(_ jsonTexts: [String]) throws -> (texts: [String], warnings: [String]) {
        let lines = jsonTexts.enumerated().map { #"{"id": "\#($0.offset + 1)", "text": "\#($0.element)"}"# }
        let url = Fixtures.temporaryFile("surrogates.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try CommentReader.read([url], goalIDs: [])
        #expect(result.rejected.isEmpty, "\(result.rejected)")
        return (result.comments.map(\.text), result.warnings.map(\.message))
    }

    @Test func anUnpairedSurrogateBecomesTheReplacementCharacterWithAWarning() throws {
        let (texts, warnings) = try read([#"Abgeschnitten \ud83d"#, #"\uDC00 allein"#, #"falsch herum \ude00\ud83d"#])
        #expect(texts == ["Abgeschnitten \u{FFFD}", "\u{FFFD} allein", "falsch herum \u{FFFD}\u{FFFD}"])
        #expect(warnings.count == 3)
        #expect(warnings.last?.contains("2 unpaired surrogate escape(s)") == true)
    }

    @Test func pairsOtherEscapesAndEscapedBackslashesStay() throws {
        let (texts, warnings) = try read([
            #"Paar \ud83d\ude00 und \uD83D\uDE00"#, #"Schrägstrich \\ud800 bleibt"#, #"\u00e4\n\"\u0041"#,
            #"hoch \ud800\u0041 dann A"#,
        ])
        #expect(texts[0] == "Paar 😀 und 😀")
        #expect(texts[1] == #"Schrägstrich \ud800 bleibt"#)
        #expect(texts[2] == "ä\n\"A")
        #expect(texts[3] == "hoch \u{FFFD}A dann A")
        #expect(warnings.count == 1)
    }

    @Test func anEscapeCutByTheEndOfTheLineIsLeftToTheParser() throws {
        let url = Fixtures.temporaryFile("cut.jsonl", #"{"id": "1", "text": "\ud8"# + "\n")
        let result = try CommentReader.read([url], goalIDs: [])
        #expect(result.comments.isEmpty)
        #expect(result.rejected.first?.reason.hasPrefix("invalid JSON") == true)
    }
}
