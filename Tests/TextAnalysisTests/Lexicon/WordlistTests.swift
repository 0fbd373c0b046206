import Foundation
import Testing
import TextAnalysis
import _TestSupport

/// Tests ``Wordlist`` (Snowball format) and the shipped lists.
struct WordlistTests {
    @Test func parsesTheSnowballFormat() {
        let text = """
            | a comment
            aber           |  but
            alle allem     | two words on a line
              Dass
            """
        #expect(Wordlist.parse(text) == ["aber", "alle", "allem", "dass"])
    }

    @Test func emptyText() {
        #expect(Wordlist.parse("").isEmpty)
    }

    @Test func shippedStopwordListIsTheSnowballListAdjusted() throws {
        let words = try Wordlist.load(Fixtures.repositoryFile("stopwords/de.txt"))
        #expect(words.count == 222)  // 231 Snowball entries + dass − 10 removed
        #expect(words.contains("dass"))
        for removed in ["nicht", "kein", "keine", "keinem", "keinen", "keiner", "keines", "ohne", "gegen", "weg"] {
            #expect(!words.contains(removed))
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: TextAnalysisError.self) {
            try Wordlist.load(URL(fileURLWithPath: "/nonexistent/list.txt"))
        }
    }

    @Test func everyResourceFileIsPresent() {
        #expect(AnalyzerResources.isComplete(at: Fixtures.repositoryRoot))
        #expect(Fixtures.resources.lexiconWords.count > 80_000)
    }
}
