import Testing
import _TestSupport

@testable import TextAnalysis

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

    @Test func latinTableAgreesWithICU() {
        // Every code point the table handles, alone, after a letter and before one.
        let scalars = (0x00..<0x80).compactMap(Unicode.Scalar.init) + (0xC0...0xFF).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "A" + String(scalar), String(scalar) + "b", "Ä" + String(scalar) + "ß"] {
                #expect(
                    CaseFoldingFilter.foldLatin(text) == CaseFoldingFilter.foldWithICU(text),
                    "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(CaseFoldingFilter.foldLatin("Bu\u{308}rger") == nil)
        #expect(CaseFoldingFilter.foldLatin("gibt’s") == nil)
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
