import Analytics
import Testing
import TextAnalysis
import _TestSupport

/// ``CorpusFeatures``: what it keeps of each text, made per word form and numbered per chunk,
/// is exactly what ``CommentFeatures`` makes of the text's tokens, at any thread count.
struct CorpusFeaturesTests {
    /// ``CorpusAnalyzerTests``' texts (suspended hyphens, recurring forms, every kind of token),
    /// one more comment, and two measure texts, which keep their terms only.
    let texts = CorpusAnalyzerTests().texts + ["Bus Bus Busse Bussen", "Radwege ausbauen", "Fachkräfte gewinnen"]

    @Test(arguments: [1, 2, 3])
    func sameAsTheFeaturesOfEachTextsTokens(threads: Int) throws {
        let analyzer = CorpusAnalyzer(resources: Fixtures.resources, threads: threads)
        let tokens = try analyzer.analyze(texts).tokens
        let comments = texts.count - 2
        let features = try CorpusFeatures(texts: texts, comments: comments, analyzer: analyzer)
        let expected = texts.indices.map { index in
            index < comments
                ? CommentFeatures(tokens: tokens[index], text: texts[index]) : CommentFeatures(matchingTermsOf: tokens[index])
        }
        #expect(features.textTerms == expected.map(\.terms))
        #expect(features.keywordStems == expected.prefix(comments).map(\.keywordStems))
        #expect(features.contentStems == expected.prefix(comments).map(\.contentStems))
        #expect(features.phraseCandidates == expected.prefix(comments).map(\.phraseCandidates))
        #expect(!features.textTerms[0].terms.isEmpty)
        // The spellings, counted by form number, as counted token by token.
        var display = DisplayForms()
        for index in 0..<comments { display.add(tokens[index], text: texts[index]) }
        let stems = Set(tokens.prefix(comments).joined().map(\.stem))
        for stem in stems {
            #expect(features.display.display(stem) == display.display(stem), "\(stem)")
            #expect(features.display.isNoun(stem) == display.isNoun(stem), "\(stem)")
        }
    }
}
