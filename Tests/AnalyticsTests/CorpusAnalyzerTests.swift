import Analytics
import Testing
import TextAnalysis
import _TestSupport

/// ``CorpusAnalyzer``: both of its ways through a corpus give, at any thread count, the tokens
/// of the German chain applied text by text with the corpus's vocabulary, however often a word
/// form recurs (the memos and the table of forms between the passes must change nothing).
struct CorpusAnalyzerTests {
    let texts = [
        "Mehr Radwege in Jena! Radwege sind wichtig, Bürger:innen fahren Rad.",
        "Der Fachkräftemangel trifft die Fachkräfteausbildung und -gewinnung.",
        "radwege RADWEGE Radwege – Tempo-30-Zone vor der Schule, bitte.",
        "Fachkräftemangel? Mangel an Fachkräften, sagen die BürgerInnen.",
        "https://jena.de zeigt 27,9 % mehr Radwege 🚲",
        "Innovations- und Digitalstandort Jena: Radwege, Radwege, Radwege.",
        "",
        "Straße, STRASSE und Strasse sind ein Wort.",
    ]

    /// The chain text by text, with the vocabulary of the normalised corpus.
    func reference() throws -> (tokens: [[Token]], vocabulary: CorpusVocabulary) {
        let session = try WordBreakSession()
        let normalized = try texts.map { try Analyzer.germanNormalizer().analyze($0, session: session) }
        var vocabulary = CorpusVocabulary()
        for tokens in normalized { vocabulary.add(tokens) }
        let chain = Analyzer.german(resources: Fixtures.resources, vocabulary: vocabulary)
        return (try texts.map { try chain.analyze($0, session: session) }, vocabulary)
    }

    @Test(arguments: [1, 2, 3])
    func bothWaysGiveTheTokensOfTheChain(threads: Int) throws {
        let expected = try reference()
        let analyzer = CorpusAnalyzer(resources: Fixtures.resources, threads: threads)
        let kept = try analyzer.analyze(texts)
        #expect(kept.tokens == expected.tokens)
        #expect(kept.vocabulary == expected.vocabulary)
        let chunked = try analyzer.analyze(texts) {
            (range: Range<Int>, tokens: (Int) throws(TextAnalysisError) -> [Token]) throws(TextAnalysisError) -> [[Token]] in
            try range.map { (index: Int) throws(TextAnalysisError) -> [Token] in try tokens(index) }
        }
        #expect(chunked.chunks.flatMap { $0 } == expected.tokens)
        #expect(chunked.vocabulary == expected.vocabulary)
    }
}
