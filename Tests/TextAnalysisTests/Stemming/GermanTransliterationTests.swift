import Testing
import TextAnalysis

/// Tests ``GermanTransliteration`` (Lucene's German2 rules).
struct GermanTransliterationTests {
    @Test(
        "folds transliterated umlauts",
        arguments: [
            ("buerger", "burger"), ("bürger", "burger"), ("muenchen", "munchen"), ("koeln", "koln"),
            ("aerger", "arger"), ("strasse", "strasse"), ("straße", "strasse"),
        ])
    func folds(_ input: String, _ expected: String) {
        #expect(GermanTransliteration.fold(input) == expected)
    }

    @Test("ue after a vowel or q stays", arguments: ["feuer", "bauer", "quelle", "neue", "treue"])
    func keeps(_ word: String) {
        #expect(GermanTransliteration.fold(word) == word)
    }

    @Test func umlautSpellingsShareAKey() {
        let stemmer = StemFilter()
        #expect(stemmer.key("bürger") == stemmer.key("buerger"))
        #expect(stemmer.key("strasse") == stemmer.key(CaseFoldingFilter.fold("Straße")))
    }
}
