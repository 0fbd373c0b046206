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

    /// The formula written out with dictionaries, as the type's comment states it.
    static func byDictionaries(
        clusters: [[Int]], documents: [SortedSet<UInt32>], limit: Int, minimumCount: Int
    ) -> [[(term: UInt32, score: Double)]] {
        let counts = clusters.map { members in
            var local: [UInt32: Int] = [:]
            for member in members { for term in documents[member] { local[term, default: 0] += 1 } }
            return local
        }
        var frequency: [UInt32: Int] = [:]
        for local in counts { for (term, count) in local { frequency[term, default: 0] += count } }
        let totals = counts.map { $0.values.reduce(0, +) }
        let average = totals.isEmpty ? 0 : Double(totals.reduce(0, +) / totals.count)
        var result: [[(term: UInt32, score: Double)]] = []
        for (local, total) in zip(counts, totals) {
            var scored: [(term: UInt32, score: Double, count: Int)] = []
            for (term, count) in local where count >= minimumCount {
                let idf = log(1 + average / Double(frequency[term] ?? 1))
                scored.append((term, Double(count) / Double(total) * idf, count))
            }
            scored.sort { lhs, rhs in
                if lhs.score != rhs.score { return lhs.score > rhs.score }
                if lhs.count != rhs.count { return lhs.count > rhs.count }
                return lhs.term < rhs.term
            }
            result.append(scored.prefix(limit).map { ($0.term, $0.score) })
        }
        return result
    }

    @Test(arguments: 1...40) func givesTheFormulaOnRandomClusters(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let documents = (0..<(1 + random.index(below: 60))).map { _ in
            SortedSet((0..<random.index(below: 12)).map { _ in UInt32(random.index(below: 1 + seed * 3)) })
        }
        var clusters = [[Int]](repeating: [], count: 1 + random.index(below: 6))
        for document in documents.indices { clusters[random.index(below: clusters.count)].append(document) }
        let minimumCount = 1 + random.index(below: 2)
        // Short limits, all terms (Int.max) and none (0).
        for limit in [0, 1, 1 + random.index(below: 8), Int.max] {
            let sorted = ClassTFIDF.keywords(clusters: clusters, documents: documents, limit: limit, minimumCount: minimumCount)
            let expected = Self.byDictionaries(
                clusters: clusters, documents: documents, limit: limit, minimumCount: minimumCount)
            #expect(sorted.map { $0.map(\.term) } == expected.map { $0.map(\.term) })
            #expect(sorted.map { $0.map(\.score) } == expected.map { $0.map(\.score) })
        }
    }
}
