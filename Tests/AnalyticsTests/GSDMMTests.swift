import Analytics
import Testing
import _TestSupport

/// Tests ``GSDMM`` on documents whose clusters are plain.
struct GSDMMTests {
    /// Three topics with disjoint vocabularies, eight short documents each.
    static let documents = termRows(
        (0..<24).map { d in
            let topic = d % 3
            return [(topic * 10 + d % 5, 1), (topic * 10 + 5 + d % 4, 1), (topic * 10 + 9, 2)]
        })

    func cluster(seed: UInt64 = 7, threads: Int = 1, restarts: Int = 3) -> Clustering {
        GSDMM(maximumClusters: 10, iterations: 30, restarts: restarts)
            .cluster(documents: Self.documents, vocabularySize: 30, seed: seed, threads: threads)
    }

    @Test func findsDisjointTopicsAndTheirNumber() {
        let result = cluster()
        #expect(result.clusterCount == 3)
        let gold = Self.documents.indices.map { $0 % 3 }
        #expect(samePartition(gold, result.assignments))
    }

    @Test func theSeedDecidesTheThreadsDoNot() {
        #expect(cluster(threads: 1) == cluster(threads: 2))
        #expect(cluster(seed: 7) == cluster(seed: 7))
        #expect(cluster(seed: 7, restarts: 1).seed == 7)
    }

    @Test func noDocumentsAndEmptyDocumentsAreFine() {
        let none = GSDMM().cluster(documents: [], vocabularySize: 0, seed: 0, threads: 2)
        #expect(none.assignments.isEmpty && none.clusterCount == 0)
        let empty = GSDMM().cluster(documents: [[], []], vocabularySize: 0, seed: 0, threads: 1)
        #expect(empty.assignments.count == 2)
    }

}

/// Tests ``SphericalKMeans`` on the same plain documents.
struct SphericalKMeansTests {
    @Test func findsDisjointTopicsTheSameForAnyThreadCount() {
        let kmeans = SphericalKMeans(clusters: 3, restarts: 3)
        let serial = kmeans.cluster(documents: GSDMMTests.documents, vocabularySize: 30, seed: 4, threads: 1)
        let parallel = kmeans.cluster(documents: GSDMMTests.documents, vocabularySize: 30, seed: 4, threads: 2)
        #expect(serial == parallel)
        #expect(serial.clusterCount == 3)
        #expect(samePartition(GSDMMTests.documents.indices.map { $0 % 3 }, serial.assignments))
        #expect(SphericalKMeans(clusters: 5).cluster(documents: [], vocabularySize: 0, seed: 0, threads: 1).assignments.isEmpty)
    }
}
