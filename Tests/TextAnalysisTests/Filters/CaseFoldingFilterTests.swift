import Testing
import TextAnalysis
import _TestSupport

/// Tests ``CaseFoldingFilter``: NFKC and full case folding.
struct CaseFoldingFilterTests {
    @Test(
        "folds case and compatibility forms",
        arguments: [
            ("Straße", "strasse"), ("STRASSE", "strasse"), ("Strasse", "strasse"), ("Bürger", "bürger"),
            ("ÖPNV", "öpnv"), ("ﬁnden", "finden"), ("Ｊｅｎａ", "jena"), ("Gemein\u{AD}schaft", "gemeinschaft"),
            ("Bu\u{308}rger", "bürger"), ("gibt’s", "gibt's"), ("GROẞ", "gross"),
        ])
    func folds(_ input: String, _ expected: String) {
        #expect(CaseFoldingFilter.fold(input) == expected)
    }

    @Test func displayKeepsTheOriginalSpelling() {
        let tokens = AnalyzerHelpers.filter("Straße", [CaseFoldingFilter()])
        #expect(tokens.first?.display == "Straße")
        #expect(tokens.first?.norm == "strasse")
    }

    @Test func emojiAreLeftAsWritten() {
        let tokens = AnalyzerHelpers.filter("❤️", [CaseFoldingFilter()])
        #expect(tokens.first?.norm == "❤️")
    }
}
