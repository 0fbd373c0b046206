import Analytics
import PropertyBased
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
        // Suspended hyphens far from the text's edges, one borrowing from the other, and one
        // near the end: the tokens around them are enriched as a text of their own.
        "Wir wollen in Jena mehr Radwege bauen, denn die Fachkräfteausbildung, -gewinnung und -sicherung ist "
            + "wichtig für die Stadt und ihre Bürger:innen, sagen viele in der Innenstadt, auch Innovations- und Digitalstandort",
    ]

    /// The chain text by text, with the vocabulary of the normalised corpus.
    func reference() throws -> (tokens: [[Token]], vocabulary: CorpusVocabulary) {
        try reference(texts)
    }

    func reference(_ texts: [String]) throws -> (tokens: [[Token]], vocabulary: CorpusVocabulary) {
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

    /// Corpora of generated hostile texts (gender forms, suspended hyphens, compounds, marks),
    /// at two threads: the same tokens and vocabulary as the chain text by text.
    @Test func generatedCorporaGiveTheTokensOfTheChain() async throws {
        let analyzer = CorpusAnalyzer(resources: Fixtures.resources, threads: 2)
        await propertyCheck(count: 100, input: HostileText.text(pieces: 0...80).array(of: 1...9)) { texts in
            let expected = try reference(texts)
            let kept = try analyzer.analyze(texts)
            #expect(kept.tokens == expected.tokens, "\(texts.debugDescription)")
            #expect(kept.vocabulary == expected.vocabulary)
        }
    }
}
