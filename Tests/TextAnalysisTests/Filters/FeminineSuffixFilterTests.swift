import Testing
import TextAnalysis
import _TestSupport

/// Tests ``FeminineSuffixFilter`` with the shipped lexicon.
struct FeminineSuffixFilterTests {
    let filter = FeminineSuffixFilter(
        lexicon: Lexicon(words: Fixtures.resources.lexiconWords), exceptions: Fixtures.resources.feminineExceptions)

    @Test(
        "plain feminine forms fold when the base is a known word",
        arguments: [
            ("bürgerinnen", "bürger"), ("kolleginnen", "kolleg"), ("expertinnen", "expert"), ("lehrerin", "lehrer"),
            ("informatikerinnen", "informatiker"),
        ])
    func folds(_ word: String, _ base: String) {
        #expect(filter.base(of: word) == base)
    }

    @Test(
        "other words ending in -in or -innen stay",
        arguments: ["termin", "benzin", "medizin", "maschinen", "gewinnen", "innen", "berlin"])
    func keeps(_ word: String) {
        #expect(filter.base(of: word) == nil)
    }

    /// Six letters with a known base plus `e` (ärzte): folded, like every other feminine form.
    @Test func aShortFormWithAKnownBaseFolds() {
        #expect(filter.base(of: "ärztin") == "ärzt")
    }

    @Test func sameKeyAsTheMasculineForm() {
        let tokens = AnalyzerHelpers.analyze("Bürgerinnen und Bürger")
        #expect(tokens[0].stem == tokens[2].stem)
    }
}
