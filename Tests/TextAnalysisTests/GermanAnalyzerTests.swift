import Testing
import TextAnalysis
import _TestSupport

/// Tests the whole German chain (``Analyzer/german(resources:vocabulary:)``) on real German.
struct GermanAnalyzerTests {
    @Test(
        "gender forms share the base word's key",
        arguments: [
            "Bürger:innen", "Bürger*innen", "Bürger_innen", "BürgerInnen", "Bürger/-innen", "Bürger(innen)", "Bürgerinnen",
            "Bürger",
        ])
    func genderForms(_ form: String) {
        #expect(AnalyzerHelpers.analyze(form).first?.stem == AnalyzerHelpers.analyze("Bürger").first?.stem)
        #expect(AnalyzerHelpers.analyze(form).first?.norm == "bürger")
    }

    @Test func sharpSAndUmlautSpellingsMeet() {
        let keys = ["Straße", "Strasse", "STRASSE"].map { AnalyzerHelpers.analyze($0).first?.stem }
        #expect(Set(keys).count == 1)
        #expect(AnalyzerHelpers.analyze("Straße").first?.display == "Straße")
        #expect(AnalyzerHelpers.analyze("Buerger").first?.stem == AnalyzerHelpers.analyze("Bürger").first?.stem)
    }

    @Test func strategySentence() {
        let text = "Der u. a. durch den demographischen Wandel bedingte Fachkräftemangel in den MINT-Berufen"
        let tokens = AnalyzerHelpers.analyze(text)
        let content = tokens.filter(\.isContentWord).map(\.display)
        #expect(content == ["demographischen", "Wandel", "bedingte", "Fachkräftemangel", "MINT-Berufen"])
        #expect(tokens.first { $0.surface == "u. a." }?.isStopword == true)
        #expect(tokens.first { $0.surface == "MINT-Berufen" }?.parts.map(\.display) == ["MINT", "Berufen"])
    }

    @Test func noOneLetterOrFragmentContentWords() {
        let text = "Start-up-Kultur, E-Mail-Adresse, Tempo-30-Zone, z. B. Win-Win-Win-Situation und Know-how"
        for token in AnalyzerHelpers.analyze(text) where token.isContentWord {
            #expect(token.norm.count >= 3, "\(token.surface)")
            for part in token.parts { #expect(part.norm.count >= 3, "\(part.display)") }
        }
    }

    @Test func emptyAndWhitespaceText() {
        #expect(AnalyzerHelpers.analyze("").isEmpty)
        #expect(AnalyzerHelpers.analyze("\n \t").isEmpty)
    }
}
