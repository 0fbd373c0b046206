import Analytics
import Foundation
import Testing

/// Tests ``KeynessExtractor`` against hand-computed G² and Log Ratio.
struct KeynessExtractorTests {
    @Test func logLikelihoodOfAKnownTable() {
        // a = 10 of c = 20 target comments, b = 5 of d = 80 others.
        let documents = (0..<100).map { index -> StemSet in
            if index < 20 { return index < 10 ? ["rad"] : [] }
            return index < 25 ? ["rad"] : []
        }
        let keywords = KeynessExtractor(nounsOnly: false).keywords(
            target: Set(0..<20), documents: documents, display: DisplayForms())
        let cells: [(Double, Double)] = [
            (10, 20 * 15 / 100.0), (10, 20 * 85 / 100.0), (5, 80 * 15 / 100.0), (75, 80 * 85 / 100.0),
        ]
        let expected = 2 * cells.reduce(0) { $0 + $1.0 * log($1.0 / $1.1) }
        #expect(keywords.count == 1)
        #expect(abs(keywords[0].logLikelihood - expected) < 1e-9)
        #expect(abs(keywords[0].logRatio - log2((10.5 / 20) / (5.5 / 80))) < 1e-12)
        #expect(keywords[0].isSignificant)
    }

    @Test func underusedAndRareTermsAreNoKeywords() {
        let documents: [StemSet] = [["a", "b"], ["a"], ["b"], ["b"], ["b"], ["c"]]
        let keywords = KeynessExtractor(nounsOnly: false).keywords(target: [0, 1], documents: documents, display: DisplayForms())
        #expect(keywords.map(\.stem) == ["a"])
    }

    @Test func emptyTarget() {
        #expect(KeynessExtractor().keywords(target: [], documents: [["a"]], display: DisplayForms()).isEmpty)
    }
}
