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

    @Test func tableAgreesWithICU() {
        // Every code point the table handles, alone, after a letter and before one.
        let scalars = (0...0x1_FFFF).compactMap { value in
            CaseFoldingFilter.tableStep(UInt32(value)) == nil ? nil : Unicode.Scalar(UInt32(value))
        }
        #expect(scalars.count > 1_500)
        for scalar in scalars {
            for text in [String(scalar), "A" + String(scalar), String(scalar) + "b", "Ä" + String(scalar) + "ß"] {
                #expect(
                    CaseFoldingFilter.foldByTable(text) == CaseFoldingFilter.foldWithICU(text),
                    "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(CaseFoldingFilter.foldByTable("gibt’s „Tempo 30“ – 5 € 👍🏽") == "gibt's „tempo 30“ – 5 € 👍🏽")
        #expect(CaseFoldingFilter.foldByTable("❤\u{FE0F}") == "❤")
    }

    @Test func tableDeclinesWhatItDoesNotKnow() {
        // A combining mark (it may compose with its neighbour), a compatibility form, an ellipsis.
        for text in ["Bu\u{308}rger", "ﬁnden", "und…", "Ｊｅｎａ", "x²"] {
            #expect(CaseFoldingFilter.foldByTable(text) == nil, "\(text)")
        }
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
