import Analytics
import Foundation
import Testing
import TextAnalysis
import _TestSupport

/// Tests ``BM25Index`` against hand-computed values.
struct BM25IndexTests {
    @Test func idfFollowsTheFormula() throws {
        let (vocabulary, documents) = AnalyzerHelpers.numbered(["Radweg", "Radweg Ampel", "Bus"])
        let index = BM25Index(documents: documents)
        let stem = try #require(vocabulary.id(of: AnalyzerHelpers.analyze("Radweg")[0].stem))
        // N = 3, n = 2: ln(1 + (3 − 2 + 0.5)/(2 + 0.5))
        #expect(abs(index.idf(stem) - log(1 + 1.5 / 2.5)) < 1e-12)
        // A term no comment has (a measure's word): n = 0.
        #expect(index.idf(TermID(vocabulary.count)) > index.idf(stem))
    }

    @Test func contributionFollowsTheFormula() throws {
        let (vocabulary, documents) = AnalyzerHelpers.numbered(["Radweg Radweg Ampel", "Bus Bahn"])
        let index = BM25Index(documents: documents)
        let stem = try #require(vocabulary.id(of: AnalyzerHelpers.analyze("Radweg")[0].stem))
        let contributions = index.contributions(of: [stem: 2.0], in: documents[0])
        let lengthNorm = 1 - 0.75 + 0.75 * 3.0 / 2.5
        let expected = 2.0 * index.idf(stem) * 2 * 2.2 / (2 + 1.2 * lengthNorm)
        #expect(contributions.count == 1)
        #expect(contributions.first?.term == stem)
        #expect(abs((contributions.first?.weight ?? 0) - expected) < 1e-12)
        #expect(index.contributions(of: [stem: 1], in: documents[1]).isEmpty)
    }

    @Test func emptyCollection() {
        let index = BM25Index(documents: [])
        #expect(index.contributions(of: [0: 1], in: TermBag()).isEmpty)
    }
}
