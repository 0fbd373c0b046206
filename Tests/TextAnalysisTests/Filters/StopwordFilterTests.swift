import Testing
import TextAnalysis
import _TestSupport

/// Tests ``StopwordFilter`` with the shipped lists.
struct StopwordFilterTests {
    @Test(
        "stopwords and abbreviations are flagged",
        arguments: ["dass", "Dass", "und", "der", "z. B.", "z.B.", "bzw.", "u. a.", "usw.", "ca."])
    func flags(_ text: String) {
        let tokens = AnalyzerHelpers.analyze(text)
        #expect(!tokens.isEmpty)
        #expect(tokens.allSatisfy { $0.isStopword })
    }

    @Test(
        "negations and content words are not stopwords",
        arguments: ["nicht", "kein", "keine", "ohne", "gegen", "Weg", "Radweg", "gut", "schlecht", "mehr"])
    func keeps(_ word: String) {
        #expect(AnalyzerHelpers.analyze(word).first?.isStopword == false)
    }

    @Test func stopwordsAreListedNotDropped() {
        let tokens = AnalyzerHelpers.analyze("Ich finde, dass es nicht reicht")
        #expect(tokens.map(\.surface) == ["Ich", "finde", "dass", "es", "nicht", "reicht"])
        #expect(tokens.map(\.isStopword) == [true, true, true, true, false, false])
    }

    @Test func abbreviationKeyDropsSpacesAndFinalDots() {
        let filter = StopwordFilter(stopwords: [], abbreviations: ["z.b."])
        var tokens = AnalyzerHelpers.filter("z. B.", [CaseFoldingFilter()])
        filter.apply(to: &tokens)
        #expect(tokens.first?.isStopword == true)
    }
}
