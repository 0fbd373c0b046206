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

    func run(documents: [[(term: Int, count: Int)]], vocabularySize: Int, seed: UInt64) -> Clustering {
        let k = maximumClusters
        let v = max(vocabularySize, 1)
        var random = SplitMix64(seed: seed)
        var cluster = [Int](repeating: 0, count: documents.count)
        var documentCount = [Int](repeating: 0, count: k)
        var wordCount = [Int](repeating: 0, count: k)
        var termCount = [Int32](repeating: 0, count: k * v)
        let lengths = documents.map { $0.reduce(0) { $0 + $1.count } }
        func add(_ d: Int, to z: Int, _ sign: Int) {
            documentCount[z] += sign
            wordCount[z] += sign * lengths[d]
            for (term, count) in documents[d] { termCount[z * v + term] += Int32(sign * count) }
        }
        for d in documents.indices {
            cluster[d] = random.index(below: k)
            add(d, to: cluster[d], 1)
        }
        let vBeta = Double(v) * beta
        var logProbability = [Double](repeating: 0, count: k)
        for _ in 0..<iterations {
            for d in documents.indices {
                add(d, to: cluster[d], -1)
                var top = -Double.infinity
                // Every empty cluster has the same conditional: compute it once per document.
                var emptyValue: Double?
                for z in 0..<k {
                    if documentCount[z] == 0, let known = emptyValue {
                        logProbability[z] = known
                        continue
                    }
                    var value = log(Double(documentCount[z]) + alpha)
                    for (term, count) in documents[d] {
                        let base = Double(termCount[z * v + term]) + beta
                        for j in 0..<count { value += log(base + Double(j)) }
                    }
                    let words = Double(wordCount[z]) + vBeta
                    for i in 0..<lengths[d] { value -= log(words + Double(i)) }
                    logProbability[z] = value
                    top = max(top, value)
                    if documentCount[z] == 0 { emptyValue = value }
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
            for term in 0..<v where termCount[z * v + term] > 0 {
                likelihood += lgamma(Double(termCount[z * v + term]) + beta) - lgamma(beta)
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
