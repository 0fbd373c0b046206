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
        let rows: [[TermCount]]
        let vocabularySize: Int
        /// TF-IDF rows for k-means (empty for GSDMM).
        let weighted: [[(term: Int, weight: Double)]]

        public var count: Int { rows.count }
    }

    public func prepare(rows: [[TermCount]], vocabularySize: Int) -> Prepared {
        Prepared(
            rows: rows, vocabularySize: vocabularySize,
            weighted: method == .kmeans ? SphericalKMeans.tfidf(rows, vocabularySize: vocabularySize) : [])
    }

    /// One run with `clusters` clusters (at most, for GSDMM) from `seed`; `start` as in
    /// ``extend(_:sample:clusters:over:seed:)``.
    public func run(_ prepared: Prepared, clusters: Int, seed: UInt64, start: [Int]? = nil, sweeps: Int? = nil) -> Clustering {
        switch method {
        case .gsdmm:
            var sampler = gsdmm
            sampler.maximumClusters = max(1, clusters)
            if let sweeps { sampler.iterations = sweeps }
            return sampler.run(documents: prepared.rows, vocabularySize: prepared.vocabularySize, seed: seed, start: start)
        case .kmeans:
            return SphericalKMeans(clusters: max(1, clusters), maximumIterations: kmeansIterations, restarts: 1)
                .run(rows: prepared.weighted, vocabularySize: prepared.vocabularySize, seed: seed, start: start)
        }
    }

    /// All rows of `prepared` clustered from `sampleRun`, a run on the rows at `sample` (indices
    /// into `prepared`, its assignments in the same order), with as many clusters as it allowed:
    /// GSDMM keeps the sampled rows in their clusters, places every other row by a draw from the
    /// conditional given the rows placed before it (in row order), then runs
    /// `extensionSweeps` sweeps over all rows; k-means starts from the centres of the sample's
    /// clusters and iterates as usual. One run instead of restarts from scratch: the sample's
    /// run already was the best of several, and a large scope's clusters settle within a few
    /// sweeps from there (docs/performance.md gives the measurement).
    public func extend(_ sampleRun: Clustering, sample: [Int], clusters: Int, over prepared: Prepared, seed: UInt64) -> Clustering
    {
        precondition(sample.count == sampleRun.assignments.count, "one sampled row per assignment")
        var start = [Int](repeating: -1, count: prepared.count)
        for (row, cluster) in zip(sample, sampleRun.assignments) { start[row] = cluster }
        return run(
            prepared, clusters: max(clusters, sampleRun.clusterCount), seed: seed, start: start, sweeps: Self.extensionSweeps)
    }

    /// A run of `sweeps` sweeps with at most `clusters` clusters on `prepared` (a scoring run of
    /// ``TopicCountSelection``) brought to the full number: GSDMM goes on from its clusters, with
    /// the same bound (so an emptied cluster can fill again), for the sweeps it has not made yet
    /// (its own seed, every row starting in its cluster); k-means ran to convergence already.
    public func finish(_ scored: Clustering, clusters: Int, over prepared: Prepared, after sweeps: Int) -> Clustering {
        guard method == .gsdmm, gsdmm.iterations > sweeps else { return scored }
        return run(
            prepared, clusters: max(clusters, scored.clusterCount), seed: scored.seed, start: scored.assignments,
            sweeps: gsdmm.iterations - sweeps)
    }

    /// GSDMM's sweeps over all rows after ``extend(_:sample:clusters:over:seed:)`` placed them.
    public static let extensionSweeps = 5

    /// The best of `runs` runs (seeds `seed, seed+1, …`, in parallel) by each algorithm's own
    /// objective, ties to the lower seed.
    public func best(_ prepared: Prepared, clusters: Int, seed: UInt64, runs: Int, threads: Int) -> Clustering {
        let all = ParallelMap.map(count: max(1, runs), threads: threads) { range in
            range.map { run(prepared, clusters: clusters, seed: seed &+ UInt64($0)) }
        }
        return Self.best(of: all)
    }

    /// The run with the highest score, ties to the earliest.
    public static func best(of runs: [Clustering]) -> Clustering {
        var best = runs[0]
        for candidate in runs.dropFirst() where candidate.score > best.score { best = candidate }
        return best
    }
}
