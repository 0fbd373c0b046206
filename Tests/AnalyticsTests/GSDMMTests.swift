import Analytics
import Testing
import _TestSupport

/// Tests ``GSDMM`` on documents whose clusters are plain, and ``ClusterAgreement`` on known values.
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
        #expect(ClusterAgreement(gold: gold, found: result.assignments).nmi == 1)
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

    @Test func agreementOnKnownPartitions() {
        // Same partition under other names: perfect.
        let same = ClusterAgreement(gold: ["a", "a", "b", "b"], found: [1, 1, 0, 0])
        #expect(same.nmi == 1 && same.ari == 1)
        // scikit-learn: normalized_mutual_info_score([0,0,1,1],[0,0,0,1]) = 0.3437110184854507,
        // adjusted_rand_score(...) = 0.0 (to rounding).
        let partial = ClusterAgreement(gold: [0, 0, 1, 1], found: [0, 0, 0, 1])
        #expect(abs(partial.nmi - 0.3437110184854507) < 1e-12)
        #expect(abs(partial.ari) < 1e-12)
        // Everything in one cluster against two classes: no information.
        let lumped = ClusterAgreement(gold: [0, 0, 1, 1], found: [5, 5, 5, 5])
        #expect(lumped.nmi == 0 && lumped.ari == 0)
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
        #expect(ClusterAgreement(gold: GSDMMTests.documents.indices.map { $0 % 3 }, found: serial.assignments).nmi == 1)
        #expect(SphericalKMeans(clusters: 5).cluster(documents: [], vocabularySize: 0, seed: 0, threads: 1).assignments.isEmpty)
    }
}
