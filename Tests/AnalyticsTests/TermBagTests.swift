import Analytics
import Testing
import _TestSupport

/// Tests ``TermBag``: content words and compound parts become matching terms.
struct TermBagTests {
    @Test func compoundPartsMeetTheirWords() {
        let compound = TermBag(tokens: AnalyzerHelpers.analyze("Fachkräftemangel"))
        let phrase = TermBag(tokens: AnalyzerHelpers.analyze("Mangel an Fachkräften"))
        let shared = Set(compound.terms).intersection(phrase.terms)
        #expect(shared.count == 2)
    }

    @Test func stopwordsAndNumbersAreNoTerms() {
        let bag = TermBag(tokens: AnalyzerHelpers.analyze("Das ist z. B. 2026 und 👍"))
        #expect(bag.length == 0)
    }

    @Test func firstSpellingIsKeptForEvidence() {
        let bag = TermBag(tokens: AnalyzerHelpers.analyze("Bürger:innen fragen, Bürger antworten"))
        let stem = AnalyzerHelpers.analyze("Bürger")[0].stem
        #expect(bag.display(of: stem) == "Bürger:innen")
        #expect(bag.terms == bag.terms.sorted())
        #expect(bag.count(stem) == 2)
    }
}
