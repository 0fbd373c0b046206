import Testing
import TextAnalysis
import _TestSupport

/// Tests ``GenderFormFilter`` on the tokenizer's output.
struct GenderFormFilterTests {
    @Test(
        "gender forms fold onto the base word",
        arguments: [
            ("Bürger:innen", "Bürger"), ("Bürger*innen", "Bürger"), ("Bürger_innen", "Bürger"),
            ("BürgerInnen", "Bürger"), ("Bürger/-innen", "Bürger"), ("Bürger/innen", "Bürger"),
            ("Bürger(innen)", "Bürger"), ("Expert·innen", "Expert"), ("Ärzt*in", "Ärzt"),
            ("Akteur:in", "Akteur"), ("Botschafter:in", "Botschafter"), ("Arbeitnehmer:innen", "Arbeitnehmer"),
            ("Bürger:innen-Beteiligung", "Bürger-Beteiligung"), ("MitarbeiterInnen", "Mitarbeiter"),
            ("eine:n", "einen"), ("jede*r", "jeder"), ("der*die", "der"),
        ])
    func folds(_ surface: String, _ expected: String) {
        let tokens = AnalyzerHelpers.filter(surface, [GenderFormFilter()])
        #expect(tokens.count == 1)
        #expect(tokens.first?.norm == expected)
        #expect(tokens.first?.foldedGenderForm == true)
        #expect(tokens.first?.surface == surface)
    }

    @Test("words without gender form stay", arguments: ["Bürger", "PIN", "DIN-Norm", "Innenstadt", "Berlin", "in", "Jena"])
    func leavesOthersAlone(_ word: String) {
        let tokens = AnalyzerHelpers.filter(word, [GenderFormFilter()])
        #expect(tokens.first?.norm == word)
        #expect(tokens.first?.foldedGenderForm == false)
    }

    @Test func noStrayInnenToken() {
        let text = "Bürger:innen, Bürger*innen, Bürger/innen und Bürger(innen) sowie eine:n Ärzt:in"
        let norms = AnalyzerHelpers.analyze(text).map(\.norm)
        #expect(!norms.contains("innen"))
        #expect(!norms.contains("in"))
    }

    // Found by AnalyzerPropertyTests: a left-to-right mark or a combining grapheme joiner after
    // the word kept the marker in the norm, and normalising the norm again folded it.
    @Test("default-ignorable code points do not hide a gender form", arguments: ["\u{200E}", "\u{34F}", "\u{AD}"])
    func ignorablesAreIgnored(_ ignorable: String) {
        let tokens = AnalyzerHelpers.filter("Expert·innen" + ignorable, [GenderFormFilter(), CaseFoldingFilter()])
        #expect(tokens.map(\.norm) == ["expert"])
    }

    @Test func emptyInput() {
        #expect(AnalyzerHelpers.filter("", [GenderFormFilter()]).isEmpty)
    }
}
