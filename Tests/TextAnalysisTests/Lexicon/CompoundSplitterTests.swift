import Testing
import TextAnalysis
import _TestSupport

/// Tests ``CompoundSplitter`` and ``CompoundSplitFilter`` with the shipped lexicon.
struct CompoundSplitterTests {
    @Test(
        "closed compounds split into known words",
        arguments: [
            ("Radwegbeleuchtung", ["Radweg", "Beleuchtung"]),
            ("Fachkräftemangel", ["Fachkräfte", "Mangel"]),
            ("Digitalisierungsstrategie", ["Digitalisierung", "Strategie"]),
            ("Straßenbahnnetz", ["Straßenbahn", "Netz"]),
            ("Stadtgesellschaft", ["Stadt", "Gesellschaft"]),
            ("Kreislaufwirtschaft", ["Kreislauf", "Wirtschaft"]),
            ("Digitalstandort", ["Digital", "Standort"]),
            ("Kleinstraße", ["Klein", "Straße"]),
        ])
    func splits(_ word: String, _ parts: [String]) {
        let token = AnalyzerHelpers.analyze(word).first
        #expect(token?.parts.map(\.display) == parts)
    }

    @Test(
        "short, lexicalised and unknown words are not split",
        arguments: [
            "Radweg", "Bahnhof", "Unternehmen", "Verantwortung", "Wirtschaft", "Gesellschaft", "Ausbildung", "Blorfingwasch",
            "Straßenlaterne", "Wohnung", "Jena",
        ])
    func keepsWhole(_ word: String) {
        #expect(AnalyzerHelpers.analyze(word).first?.parts == [])
    }

    @Test(
        "hyphenated words give each of their words, never letters or fragments",
        arguments: [
            ("Start-up-Kultur", ["Start-up", "Start", "Kultur"]), ("E-Mail-Adresse", ["E-Mail", "Mail", "Adresse"]),
            ("Tempo-30-Zone", ["Tempo-30", "Tempo", "Zone"]), ("E-Mail", ["Mail"]), ("E-Mobilität", ["Mobilität"]),
            ("Bus-Weg", ["Bus", "Weg"]), ("Kita-Plätze", ["Kita", "Plätze"]), ("Start-ups", []), ("Know-how", []),
            ("Win-Win-Win-Situation", ["Win-Win-Win", "Win", "Situation"]),
        ])
    func hyphenated(_ word: String, _ parts: [String]) {
        let token = AnalyzerHelpers.analyze(word).first
        #expect(token?.parts.map(\.display) == parts)
        #expect(token?.parts.allSatisfy { $0.norm.count >= 3 } == true)
    }

    @Test func corpusFrequencyCanKeepALexiconCompoundWhole() {
        let lexicon = Lexicon(words: ["bahn", "hof", "bahnhof"])
        let splitter = CompoundSplitter(lexicon: lexicon)
        #expect(splitter.split("bahnhof") == nil)  // too short anyway
        let longer = CompoundSplitter(lexicon: Lexicon(words: ["fahrrad", "weg", "fahrradweg"]), minimumWordLength: 6)
        #expect(longer.split("fahrradweg") == nil)  // whole word as frequent as its parts
        var vocabulary = CorpusVocabulary()
        vocabulary.add(AnalyzerHelpers.filter("Fahrrad Fahrrad Fahrrad Weg Weg Weg", [CaseFoldingFilter()]))
        #expect(longer.with(vocabulary).split("fahrradweg") == [0..<7, 7..<10])
    }

    @Test func adjectivesAndOverlongWordsStayWhole() {
        #expect(AnalyzerHelpers.analyze("die digitale Stadt").allSatisfy { $0.parts.isEmpty })
        let long = "F" + String(repeating: "a", count: 5_000)
        #expect(AnalyzerHelpers.analyze(long).first?.parts == [])
    }

    @Test func unicodeHyphensMatchTheAsciiSpelling() {
        let ascii = AnalyzerHelpers.analyze("Start-up-Kultur").first
        let unicode = AnalyzerHelpers.analyze("Start\u{2011}up\u{2011}Kultur").first
        #expect(unicode?.stem == ascii?.stem)
        #expect(unicode?.parts.map(\.norm) == ascii?.parts.map(\.norm))
    }

    @Test func linkingElementsAreDropped() {
        let splitter = CompoundSplitter(lexicon: Lexicon(words: ["arbeit", "zeit", "schule", "weg"]), minimumWordLength: 6)
        #expect(splitter.split("arbeitszeit") == [0..<6, 7..<11])
        #expect(splitter.split("schulweg") == [0..<5, 5..<8])  // Schule lost its final e
    }
}
