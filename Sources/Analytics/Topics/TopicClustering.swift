/// The clustering a topic scope runs: which algorithm, and one run of it for a given K.
///
/// - `gsdmm`: ``GSDMM`` with K as its upper bound (the sampler may leave clusters empty, so it
///   finds at most K);
/// - `kmeans`: ``SphericalKMeans`` on TF-IDF with exactly K clusters (fewer only when there are
///   fewer comments): faster on large corpora, and it fills every cluster.
/// One run draws from its own seed; restarts and stability runs use seeds `seed, seed+1, …`.
public struct TopicClustering: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Equatable, Codable, CaseIterable {
        case gsdmm, kmeans
    }

    public var method: Method
    /// α, β and sweeps for GSDMM (its `maximumClusters` and `restarts` are set per run).
    public var gsdmm: GSDMM
    /// Iterations of k-means.
    public var kmeansIterations: Int

    public init(method: Method = .gsdmm, gsdmm: GSDMM = GSDMM(), kmeansIterations: Int = 50) {
        self.method = method
        self.gsdmm = gsdmm
        self.kmeansIterations = kmeansIterations
    }

    /// The term rows of one scope, prepared once for any number of runs.
    public struct Prepared: Sendable {
        let rows: [[(term: Int, count: Int)]]
        let vocabularySize: Int
        /// TF-IDF rows for k-means (empty for GSDMM).
        let weighted: [[(term: Int, weight: Double)]]

        public var count: Int { rows.count }
    }

    public func prepare(rows: [[(term: Int, count: Int)]], vocabularySize: Int) -> Prepared {
        Prepared(
            rows: rows, vocabularySize: vocabularySize,
            weighted: method == .kmeans ? SphericalKMeans.tfidf(rows, vocabularySize: vocabularySize) : [])
    }

    /// One run with `clusters` clusters (at most, for GSDMM) from `seed`.
    public func run(_ prepared: Prepared, clusters: Int, seed: UInt64) -> Clustering {
        switch method {
        case .gsdmm:
            var sampler = gsdmm
            sampler.maximumClusters = max(1, clusters)
            return sampler.run(documents: prepared.rows, vocabularySize: prepared.vocabularySize, seed: seed)
        case .kmeans:
            return SphericalKMeans(clusters: max(1, clusters), maximumIterations: kmeansIterations, restarts: 1)
                .run(rows: prepared.weighted, vocabularySize: prepared.vocabularySize, seed: seed)
        }
    }

    /// The best of `runs` runs (seeds `seed, seed+1, …`, in parallel) by each algorithm's own
    /// objective, ties to the lower seed.
    public func best(_ prepared: Prepared, clusters: Int, seed: UInt64, runs: Int, threads: Int) -> Clustering {
        let all = ParallelMap.map(count: max(1, runs), threads: threads) { range in
            range.map { run(prepared, clusters: clusters, seed: seed &+ UInt64($0)) }
        }
        return Self.best(of: all)
    }

    static func best(of runs: [Clustering]) -> Clustering {
        var best = runs[0]
        for candidate in runs.dropFirst() where candidate.score > best.score { best = candidate }
        return best
    }
}
