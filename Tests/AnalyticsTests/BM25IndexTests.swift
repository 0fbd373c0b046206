import Analytics
import Foundation
import Testing
import TextAnalysis
import _TestSupport

/// Tests ``BM25Index`` against hand-computed values.
struct BM25IndexTests {
    func bag(_ text: String) -> TermBag { TermBag(tokens: AnalyzerHelpers.analyze(text)) }

    @Test func idfFollowsTheFormula() {
        let index = BM25Index(documents: [bag("Radweg"), bag("Radweg Ampel"), bag("Bus")])
        let stem = AnalyzerHelpers.analyze("Radweg")[0].stem
        // N = 3, n = 2: ln(1 + (3 − 2 + 0.5)/(2 + 0.5))
        #expect(abs(index.idf(stem) - log(1 + 1.5 / 2.5)) < 1e-12)
        #expect(index.idf("unseen") > index.idf(stem))
    }

    @Test func contributionFollowsTheFormula() {
        let documents = [bag("Radweg Radweg Ampel"), bag("Bus Bahn")]
        let index = BM25Index(documents: documents)
        let stem = AnalyzerHelpers.analyze("Radweg")[0].stem
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
        #expect(index.contributions(of: ["x": 1], in: TermBag()).isEmpty)
    }
}
