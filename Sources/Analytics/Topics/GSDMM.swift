import Foundation

/// Short-text clustering with the Dirichlet Multinomial Mixture and collapsed Gibbs sampling
/// (GSDMM; Yin & Wang 2014, KDD), exactly as the paper's Algorithm 1 and Eq. 4:
///
/// `p(z_d = z | z_¬d, d) ∝ (m_z,¬d + α) · Π_{w∈d} Π_{j=1..N_d^w} (n^w_z,¬d + β + j − 1)
///                                      / Π_{i=1..N_d} (n_z,¬d + Vβ + i − 1)`
///
/// with m_z the documents, n_z the words and n^w_z the occurrences of w in cluster z, V the
/// vocabulary, N_d the words of d. Start: every document in a uniformly drawn cluster of
/// `maximumClusters`; then `iterations` sweeps, each document removed, its cluster drawn from the
/// conditional (in log space) and put back. The non-empty clusters are the topics; their number is
/// the model's estimate. `restarts` runs with seeds `seed, seed+1, …` (in parallel) and keeps the
/// one with the highest joint log-likelihood, ties to the lower seed, so the result depends on
/// the seed only, not on the thread count.
///
/// Cost: the conditional is evaluated as products of at most ``factorsPerLogarithm`` factors,
/// one logarithm per product (each factor lies between β and the corpus's word count, so a
/// product of 16 stays far inside a Double's range), and the counts n^w_z are stored term by
/// term, so the K counts of one word lie side by side in memory. Both were found with a profiler:
/// the sampler spent most of its time in `log` and in cache misses (docs/performance.md).
public struct GSDMM: Sendable, Equatable, Codable {
    public var maximumClusters: Int
    public var alpha: Double
    public var beta: Double
    public var iterations: Int
    public var restarts: Int

    public init(maximumClusters: Int = 40, alpha: Double = 0.1, beta: Double = 0.1, iterations: Int = 30, restarts: Int = 3) {
        precondition(maximumClusters > 0 && alpha > 0 && beta > 0 && iterations >= 0 && restarts > 0, "invalid GSDMM settings")
        self.maximumClusters = maximumClusters
        self.alpha = alpha
        self.beta = beta
        self.iterations = iterations
        self.restarts = restarts
    }

    /// Clusters `documents` (term id, count) over a vocabulary of `vocabularySize` terms: the
    /// best of `restarts` runs (``TopicClustering/best(_:clusters:seed:runs:threads:)``).
    public func cluster(documents: [[(term: Int, count: Int)]], vocabularySize: Int, seed: UInt64, threads: Int) -> Clustering {
        let clustering = TopicClustering(method: .gsdmm, gsdmm: self)
        return clustering.best(
            clustering.prepare(rows: documents, vocabularySize: vocabularySize), clusters: maximumClusters, seed: seed,
            runs: restarts, threads: threads)
    }

    /// Factors multiplied together before their logarithm is taken.
    static let factorsPerLogarithm = 16

    /// One run from `seed`. `start`, when given, holds a cluster in `0..<maximumClusters` per
    /// document, or -1: documents with a cluster start there; the others are then placed one by
    /// one, in order, by a draw from the conditional given those placed before (a sweep without
    /// removal); then come `iterations` sweeps. Without `start`, every document starts in a
    /// uniformly drawn cluster.
    func run(documents: [[(term: Int, count: Int)]], vocabularySize: Int, seed: UInt64, start: [Int]? = nil) -> Clustering {
        let k = maximumClusters
        let v = max(vocabularySize, 1)
        var random = SplitMix64(seed: seed)
        var cluster = [Int](repeating: 0, count: documents.count)
        var documentCount = [Int](repeating: 0, count: k)
        var wordCount = [Int](repeating: 0, count: k)
        // n^w_z at [w · K + z]: the sampler reads all K counts of each word of a document.
        var termCount = [Int32](repeating: 0, count: k * v)
        let lengths = documents.map { $0.reduce(0) { $0 + $1.count } }
        func add(_ d: Int, to z: Int, _ sign: Int) {
            documentCount[z] += sign
            wordCount[z] += sign * lengths[d]
            for (term, count) in documents[d] { termCount[term * k + z] += Int32(sign * count) }
        }
        // Documents still to place, in order (those without a start cluster).
        var unplaced: [Int] = []
        if let start {
            precondition(start.count == documents.count && start.allSatisfy { $0 < k }, "one start cluster (or -1) per document")
            for d in documents.indices {
                if start[d] >= 0 {
                    cluster[d] = start[d]
                    add(d, to: cluster[d], 1)
                } else {
                    unplaced.append(d)
                }
            }
        } else {
            for d in documents.indices {
                cluster[d] = random.index(below: k)
                add(d, to: cluster[d], 1)
            }
        }
        let vBeta = Double(v) * beta
        let batch = Self.factorsPerLogarithm
        var logProbability = [Double](repeating: 0, count: k)
        let placements = unplaced.map { (document: $0, placed: false) }
        let sweep = documents.indices.map { (document: $0, placed: true) }
        for pass in [placements] + Array(repeating: sweep, count: iterations) {
            for (d, placed) in pass {
                if placed { add(d, to: cluster[d], -1) }
                let document = documents[d]
                let length = lengths[d]
                var top = -Double.infinity
                termCount.withUnsafeBufferPointer { counts in
                    // Every empty cluster has the same conditional: compute it once per document.
                    var emptyValue: Double?
                    for z in 0..<k {
                        if documentCount[z] == 0, let known = emptyValue {
                            logProbability[z] = known
                            continue
                        }
                        var value = log(Double(documentCount[z]) + alpha)
                        var product = 1.0
                        var factors = 0
                        for (term, count) in document {
                            let base = Double(counts[term * k + z]) + beta
                            for j in 0..<count {
                                product *= base + Double(j)
                                factors += 1
                                if factors == batch {
                                    value += log(product)
                                    product = 1
                                    factors = 0
                                }
                            }
                        }
                        value += log(product)
                        let words = Double(wordCount[z]) + vBeta
                        var divisor = 1.0
                        var divisors = 0
                        for i in 0..<length {
                            divisor *= words + Double(i)
                            divisors += 1
                            if divisors == batch {
                                value -= log(divisor)
                                divisor = 1
                                divisors = 0
                            }
                        }
                        value -= log(divisor)
                        logProbability[z] = value
                        top = max(top, value)
                        if documentCount[z] == 0 { emptyValue = value }
                    }
                }
                var total = 0.0
                for z in 0..<k {
                    logProbability[z] = exp(logProbability[z] - top)
                    total += logProbability[z]
                }
                var draw = random.unit() * total
                var chosen = k - 1
                for z in 0..<k {
                    draw -= logProbability[z]
                    if draw < 0 {
                        chosen = z
                        break
                    }
                }
                cluster[d] = chosen
                add(d, to: chosen, 1)
            }
        }
        // log p(z, w) up to constants: Σ_z [lnΓ(m_z + α) + Σ_w lnΓ(n^w_z + β) − lnΓ(n_z + Vβ)].
        var likelihood = 0.0
        for z in 0..<k where documentCount[z] > 0 {
            likelihood += lgamma(Double(documentCount[z]) + alpha) - lgamma(Double(wordCount[z]) + vBeta)
            for term in 0..<v where termCount[term * k + z] > 0 {
                likelihood += lgamma(Double(termCount[term * k + z]) + beta) - lgamma(beta)
            }
        }
        return Clustering(renumbering: cluster, score: likelihood, seed: seed)
    }
}

/// A finished clustering.
public struct Clustering: Sendable, Equatable {
    /// Cluster per document, renumbered 0..<clusterCount by first appearance.
    public var assignments: [Int]
    public var clusterCount: Int
    /// What the kept run maximised: GSDMM's joint log-likelihood log p(z, w) (up to a constant),
    /// k-means' `Σ_d x_d·μ_k(d)`.
    public var score: Double
    /// The seed of the kept run.
    public var seed: UInt64

    /// A clustering from raw cluster numbers, renumbered by first appearance (so that equal
    /// partitions compare equal whatever numbers the sampler drew).
    public init(renumbering raw: [Int], score: Double, seed: UInt64) {
        var renumbered: [Int: Int] = [:]
        assignments = raw.map { cluster in
            if let known = renumbered[cluster] { return known }
            renumbered[cluster] = renumbered.count
            return renumbered.count - 1
        }
        clusterCount = renumbered.count
        self.score = score
        self.seed = seed
    }
}
