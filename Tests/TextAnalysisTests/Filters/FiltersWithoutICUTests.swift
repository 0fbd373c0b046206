import Testing
import TextAnalysis
import _TestSupport

/// Each filter of the German chain on its own, on ``WhitespaceTokenizer`` output and with word
/// lists written here: no ICU, no shipped list. (``CaseFoldingFilter`` is ICU's NFKC_Casefold
/// itself; its test is CaseFoldingFilterTests.) The other tests of a filter check it in the chain
/// with the shipped lists.
struct FiltersWithoutICUTests {
    let tokenizer = WhitespaceTokenizer()

    /// The whitespace tokenizer: words, numbers and byte offsets.
    @Test func whitespaceTokens() {
        let tokens = tokenizer.tokenize("„Mehr Radwege“, bitte! 1.000 € für Bürger(innen).")
        #expect(tokens.map(\.surface) == ["Mehr", "Radwege", "bitte", "1.000", "€", "für", "Bürger(innen)"])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .number, .other, .word, .word])
        #expect(tokens[1].start == 8 && tokens[1].end == 15)
    }

    @Test(arguments: [("Bürger:innen", "Bürger"), ("BürgerInnen", "Bürger"), ("Bürger(innen)", "Bürger"), ("jede*r", "jeder")])
    func genderForms(_ surface: String, _ expected: String) {
        let tokens = AnalyzerHelpers.filter(surface, [GenderFormFilter()], tokenizer: tokenizer)
        #expect(tokens.map(\.norm) == [expected])
        #expect(tokens.first?.foldedGenderForm == true)
    }

    @Test func feminineSuffixFoldsOntoAKnownWordOnly() {
        let filter = FeminineSuffixFilter(lexicon: Lexicon(words: ["lehrer", "bürger"]), exceptions: ["termin"])
        let tokens = AnalyzerHelpers.filter("lehrerinnen termin bürgerin medizin", [filter], tokenizer: tokenizer)
        #expect(tokens.map(\.norm) == ["lehrer", "termin", "bürger", "medizin"])
    }

    @Test func stopwordsAndAbbreviationsAreMarkedNotDropped() {
        let filter = StopwordFilter(stopwords: ["und", "dass"], abbreviations: ["bzw"])
        let tokens = AnalyzerHelpers.filter("radwege und busse bzw. dass", [filter], tokenizer: tokenizer)
        #expect(tokens.map(\.isStopword) == [false, true, false, true, true])
    }

    @Test func compoundsAreSplitWithALexiconOfTheirParts() {
        // Closed compounds are split only where the consultation writes them capitalised, as nouns.
        let vocabulary = CorpusVocabulary(counts: ["fachkräftemangel": 2], capitalized: ["fachkräftemangel": 2])
        let splitter = CompoundSplitter(lexicon: Lexicon(words: ["fachkräfte", "mangel"], vocabulary: vocabulary))
        let tokens = AnalyzerHelpers.filter(
            "fachkräftemangel tempo-30-zone", [CompoundSplitFilter(splitter: splitter)], tokenizer: tokenizer)
        #expect(tokens[0].parts.map(\.norm) == ["fachkräfte", "mangel"])
        #expect(tokens[1].parts.map(\.norm).contains("zone"))
    }

    @Test func aSuspendedHyphenIsCompletedFromItsPartner() {
        let splitter = CompoundSplitter(lexicon: Lexicon(words: ["fachkräfte", "ausbildung", "gewinnung"]))
        let tokens = AnalyzerHelpers.filter(
            "fachkräfteausbildung und -gewinnung", [HyphenEllipsisFilter(splitter: splitter)], tokenizer: tokenizer)
        #expect(tokens.last?.norm == "fachkräftegewinnung")
    }

    /// What the filter reads together: six tokens either side of each suspended hyphen, clipped
    /// to the text, overlapping stretches joined.
    @Test func theNeighbourhoodsOfSuspendedHyphens() {
        func neighbourhoods(_ text: String) -> [Range<Int>] {
            HyphenEllipsisFilter.neighbourhoods(of: tokenizer.tokenize(text))
        }
        let words = (1...30).map { "w\($0)" }
        #expect(neighbourhoods(words.joined(separator: " ")).isEmpty)
        var text = words
        text[2] = "-gewinnung"
        #expect(neighbourhoods(text.joined(separator: " ")) == [0..<9])
        text[16] = "Innovations-"
        text[27] = "-sicherung"
        // 16 reaches 10 to 22, 27 reaches 21 to 29: joined; 2 reaches 0 to 8: apart.
        #expect(neighbourhoods(text.joined(separator: " ")) == [0..<9, 10..<30])
        text[9] = "Aus-"
        #expect(neighbourhoods(text.joined(separator: " ")) == [0..<30])
    }

    @Test func stemsAreCistemKeys() {
        let tokens = AnalyzerHelpers.filter("radwege radweg gefahr", [StemFilter(nounsWithGe: ["gefahr"])], tokenizer: tokenizer)
        #expect(tokens[0].stem == tokens[1].stem)
        #expect(tokens[2].stem.hasPrefix("ge"))
    }
}
