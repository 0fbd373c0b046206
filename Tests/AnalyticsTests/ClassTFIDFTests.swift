import Analytics
import Foundation
import Testing

/// ``ClassTFIDF``: the formula and the ranking on a small example worked by hand.
struct ClassTFIDFTests {
    @Test func scoresByTheFormula() {
        // X: cluster 0 has a 2, b 1, c 1 (total 4); cluster 1 has b 1. A = ⌊5 / 2⌋ = 2; f: a 2, b 2, c 1.
        let documents = [SortedSet(["a", "b"]), SortedSet(["a", "c"]), SortedSet(["b"])]
        let keywords = ClassTFIDF.keywords(clusters: [[0, 1], [2]], documents: documents, limit: 5)
        #expect(keywords.map { $0.map(\.term) } == [["a", "c", "b"], ["b"]])
        #expect(abs(keywords[0][0].score - 0.5 * log(2.0)) < 1e-12)
        #expect(abs(keywords[0][1].score - 0.25 * log(3.0)) < 1e-12)
        #expect(abs(keywords[1][0].score - log(2.0)) < 1e-12)
        #expect(
            ClassTFIDF.keywords(clusters: [[0, 1], [2]], documents: documents, limit: 5, minimumCount: 2)[0].map(\.term) == ["a"])
    }
}
