import Analytics
import Testing
import _TestSupport

/// Tests ``TopicClustering/extend(_:sample:clusters:over:seed:)``: a run on a sample carried to all rows.
struct TopicClusteringTests {
    /// Three topics with disjoint vocabularies, forty documents each, interleaved.
    static let rows = termRows(
        (0..<120).map { d in
            let topic = d % 3
            return [(topic * 10 + d % 5, 1), (topic * 10 + 5 + d % 4, 1), (topic * 10 + 9, 2)]
        })
    static let sample = Array(stride(from: 0, to: 120, by: 4))

    /// GSDMM gets room for more clusters than there are topics (it leaves the rest empty);
    /// k-means fills every cluster, so it gets three.
    func extended(_ method: TopicClustering.Method, seed: UInt64 = 3) -> Clustering {
        let clustering = TopicClustering(method: method)
        let clusters = method == .gsdmm ? 6 : 3
        let sampleRun = clustering.best(
            clustering.prepare(rows: Self.sample.map { Self.rows[$0] }, vocabularySize: 30), clusters: clusters, seed: seed,
            runs: 3,
            threads: 1)
        return clustering.extend(
            sampleRun, sample: Self.sample, clusters: clusters, over: clustering.prepare(rows: Self.rows, vocabularySize: 30),
            seed: seed)
    }

    @Test(arguments: TopicClustering.Method.allCases)
    func everyRowJoinsTheClusterOfItsTopic(method: TopicClustering.Method) {
        let result = extended(method)
        #expect(result.assignments.count == Self.rows.count)
        let gold = Self.rows.indices.map { $0 % 3 }
        #expect(samePartition(gold, result.assignments))
    }

    /// Two runs with one seed draw the same numbers, so they give the same clusters (which
    /// different seeds may or may not change on data this clean).
    @Test(arguments: TopicClustering.Method.allCases)
    func oneSeedGivesOneResult(method: TopicClustering.Method) {
        #expect(extended(method, seed: 5) == extended(method, seed: 5))
    }
}
