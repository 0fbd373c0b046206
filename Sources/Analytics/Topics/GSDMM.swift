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
/// Cost: the conditional is a sum of logarithms looked up in two tables made once per run
/// (``SamplerState``), and the counts n^w_z are stored term by term, so the K counts of one word
/// lie side by side in memory; ``SamplerState`` reads each word of a document once for all
/// clusters. All of it was found with a profiler: the sampler spent most of its time in `log`
/// and in cache misses (docs/performance.md).
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
    public func cluster(documents: [[TermCount]], vocabularySize: Int, seed: UInt64, threads: Int) -> Clustering {
        let clustering = TopicClustering(method: .gsdmm, gsdmm: self)
        return clustering.best(
            clustering.prepare(rows: documents, vocabularySize: vocabularySize), clusters: maximumClusters, seed: seed,
            runs: restarts, threads: threads)
    }

    /// Factors multiplied together before their logarithm is taken where no table holds the
    /// denominator's logarithms (each factor lies between β and the corpus's word count, so a
    /// product of 16 stays far inside a Double's range).
    static let factorsPerLogarithm = 16

    /// One run from `seed`. `start`, when given, holds a cluster in `0..<maximumClusters` per
    /// document, or -1: documents with a cluster start there; the others are then placed one by
    /// one, in order, by a draw from the conditional given those placed before (a sweep without
    /// removal); then come `iterations` sweeps. Without `start`, every document starts in a
    /// uniformly drawn cluster.
    func run(documents: [[TermCount]], vocabularySize: Int, seed: UInt64, start: [Int]? = nil) -> Clustering {
        let k = maximumClusters
        let v = max(vocabularySize, 1)
        var random = SplitMix64(seed: seed)
        var state = SamplerState(documents: documents, clusters: k, vocabularySize: v, alpha: alpha, beta: beta)
        var cluster = [Int](repeating: 0, count: documents.count)
        // Documents still to place, in order (those without a start cluster).
        var unplaced: [Int] = []
        if let start {
            precondition(start.count == documents.count && start.allSatisfy { $0 < k }, "one start cluster (or -1) per document")
            for d in documents.indices {
                if start[d] >= 0 {
                    cluster[d] = start[d]
                    state.add(d, to: cluster[d], 1)
                } else {
                    unplaced.append(d)
                }
            }
        } else {
            for d in documents.indices {
                cluster[d] = random.index(below: k)
                state.add(d, to: cluster[d], 1)
            }
        }
        var probability = [Double](repeating: 0, count: k)
        let placements = unplaced.map { (document: $0, placed: false) }
        let sweep = documents.indices.map { (document: $0, placed: true) }
        for pass in [placements] + Array(repeating: sweep, count: iterations) {
            for (d, placed) in pass {
                if placed { state.add(d, to: cluster[d], -1) }
                state.logConditional(of: d, into: &probability)
                let top = probability.max() ?? 0
                var total = 0.0
                for z in 0..<k {
                    probability[z] = exp(probability[z] - top)
                    total += probability[z]
                }
                var draw = random.unit() * total
                var chosen = k - 1
                for z in 0..<k {
                    draw -= probability[z]
                    if draw < 0 {
                        chosen = z
                        break
                    }
                }
                cluster[d] = chosen
                state.add(d, to: chosen, 1)
            }
        }
        return Clustering(renumbering: cluster, score: state.logLikelihood(), seed: seed)
    }
}

/// The counts of one GSDMM run, and Eq. 4 evaluated from them.
///
/// Documents are held as one array of term ids and one of counts with an offset per document,
/// and the counts n^w_z at `[w · K + z]`, so a document's words are read once each, with the K
/// counts of each word side by side. Eq. 4 is evaluated in log space for all clusters together,
/// word by word, from two tables made once per run, so the sampler takes no logarithm:
/// - numerator: `log(n^w_z + β + j)` is `logTerm[n^w_z + j]`, with `logTerm[m] = log(m + β)` for
///   m below the largest number of occurrences of one term in the documents (n^w_z + j never
///   reaches it, since the document's own occurrences are not counted);
/// - denominator: `Σ_{i<N_d} log(n_z + Vβ + i)` is `logWords[n_z + N_d] − logWords[n_z]`, with
///   `logWords[m] = Σ_{i<m} log(i + Vβ)` for m up to the documents' word count. Above
///   ``tableLimit`` words (a scope of some hundred thousand comments) that table is not made and
///   the sum is taken as the logarithms of products of ``GSDMM/factorsPerLogarithm`` factors.
/// The values agree with the factor-by-factor formula up to the rounding of sums in another order:
/// about 1e-11 in a scoring run of 1,000 comments, up to about 1e-8 at the table's limit, where
/// the running sum reaches 3·10⁷. That is far below what moves a draw: a draw changes only where
/// the uniform number falls within that distance of a boundary between clusters.
struct SamplerState {
    let clusters: Int
    let vocabularySize: Int
    let alpha: Double
    let beta: Double
    let terms: [Int32]
    let counts: [Int32]
    /// Document d's entries are `offsets[d] ..< offsets[d + 1]`.
    let offsets: [Int]
    let lengths: [Int]
    var documentCount: [Int]
    var wordCount: [Int]
    var termCount: [Int32]
    /// The clusters evaluated for one document: the non-empty ones and the first empty one,
    /// in order (every empty cluster has the same conditional).
    private var evaluated: [Int]
    private var values: [Double]
    /// `log(m + α)` for m = 0 … documents.
    private let logDocumentCount: [Double]
    /// `log(m + β)` for m below the largest total count of one term.
    private let logTerm: [Double]
    /// `Σ_{i<m} log(i + Vβ)` for m = 0 … the documents' word count; empty above the table limit.
    private let logWords: [Double]
    /// The largest word count for which ``logWords`` is made (16 MB of table).
    static let tableLimit = 1 << 21

    init(
        documents: [[TermCount]], clusters: Int, vocabularySize: Int, alpha: Double, beta: Double,
        tableLimit: Int = Self.tableLimit
    ) {
        self.clusters = clusters
        self.vocabularySize = vocabularySize
        self.alpha = alpha
        self.beta = beta
        let entries = documents.reduce(0) { $0 + $1.count }
        var terms: [Int32] = []
        var counts: [Int32] = []
        terms.reserveCapacity(entries)
        counts.reserveCapacity(entries)
        var offsets = [0]
        offsets.reserveCapacity(documents.count + 1)
        var termTotal = [Int](repeating: 0, count: vocabularySize)
        for document in documents {
            for entry in document {
                terms.append(Int32(entry.term))
                counts.append(Int32(entry.count))
                termTotal[entry.term] += entry.count
            }
            offsets.append(terms.count)
        }
        self.terms = terms
        self.counts = counts
        self.offsets = offsets
        lengths = documents.map { $0.reduce(0) { $0 + $1.count } }
        documentCount = [Int](repeating: 0, count: clusters)
        wordCount = [Int](repeating: 0, count: clusters)
        termCount = [Int32](repeating: 0, count: clusters * vocabularySize)
        evaluated = [Int](repeating: 0, count: clusters)
        values = [Double](repeating: 0, count: clusters)
        logDocumentCount = (0...documents.count).map { log(Double($0) + alpha) }
        logTerm = (0..<(termTotal.max() ?? 0)).map { log(Double($0) + beta) }
        let words = lengths.reduce(0, +)
        var logWords: [Double] = []
        if words <= tableLimit {
            let vBeta = Double(vocabularySize) * beta
            logWords.reserveCapacity(words + 1)
            var sum = 0.0
            logWords.append(sum)
            for i in 0..<words {
                sum += log(Double(i) + vBeta)
                logWords.append(sum)
            }
        }
        self.logWords = logWords
    }

    /// `Σ_{i<length} log(words + Vβ + i)`, the logarithm of the denominator of Eq. 4 for a
    /// cluster of `words` words and a document of `length` words: from ``logWords``, or, without
    /// it, as the logarithms of products of ``GSDMM/factorsPerLogarithm`` factors.
    func logDenominator(words: Int, length: Int) -> Double {
        if !logWords.isEmpty { return logWords[words + length] - logWords[words] }
        let base = Double(words) + Double(vocabularySize) * beta
        var sum = 0.0
        var product = 1.0
        for i in 0..<length {
            product *= base + Double(i)
            if (i + 1) % GSDMM.factorsPerLogarithm == 0 {
                sum += log(product)
                product = 1
            }
        }
        return sum + log(product)
    }

    /// Adds (`sign` 1) or removes (`sign` -1) document `d` to or from cluster `z`.
    mutating func add(_ d: Int, to z: Int, _ sign: Int) {
        documentCount[z] += sign
        wordCount[z] += sign * lengths[d]
        for entry in offsets[d]..<offsets[d + 1] {
            termCount[Int(terms[entry]) * clusters + z] += Int32(sign) * counts[entry]
        }
    }

    /// `log p(z_d = z | z_¬d, d)` of Eq. 4, up to a constant, for every cluster z, into
    /// `result` (K values); `d` must not be counted in any cluster.
    mutating func logConditional(of d: Int, into result: inout [Double]) {
        let k = clusters
        var n = 0
        var emptySlot = -1
        for z in 0..<k where documentCount[z] > 0 || emptySlot < 0 {
            if documentCount[z] == 0 { emptySlot = n }
            evaluated[n] = z
            n += 1
        }
        let length = lengths[d]
        let entries = offsets[d]..<offsets[d + 1]
        for a in 0..<n {
            let z = evaluated[a]
            values[a] = logDocumentCount[documentCount[z]] - logDenominator(words: wordCount[z], length: length)
        }
        evaluated.withUnsafeBufferPointer { evaluated in
            values.withUnsafeMutableBufferPointer { values in
                termCount.withUnsafeBufferPointer { termCount in
                    logTerm.withUnsafeBufferPointer { logTerm in
                        // Numerator: Σ_w Σ_j log(n^w_z + β + j), j from 0.
                        for entry in entries {
                            let row = Int(terms[entry]) * k
                            let count = Int(counts[entry])
                            if count == 1 {
                                for a in 0..<n { values[a] += logTerm[Int(termCount[row + evaluated[a]])] }
                            } else {
                                for a in 0..<n {
                                    let base = Int(termCount[row + evaluated[a]])
                                    for j in 0..<count { values[a] += logTerm[base + j] }
                                }
                            }
                        }
                    }
                }
            }
        }
        let empty = emptySlot < 0 ? 0 : values[emptySlot]
        for z in 0..<k { result[z] = empty }
        for a in 0..<n { result[evaluated[a]] = values[a] }
    }

    /// `log p(z, w)` up to constants: `Σ_z [lnΓ(m_z + α) + Σ_w lnΓ(n^w_z + β) − lnΓ(n_z + Vβ)]`.
    func logLikelihood() -> Double {
        let vBeta = Double(vocabularySize) * beta
        var likelihood = 0.0
        for z in 0..<clusters where documentCount[z] > 0 {
            likelihood += lgamma(Double(documentCount[z]) + alpha) - lgamma(Double(wordCount[z]) + vBeta)
            for term in 0..<vocabularySize where termCount[term * clusters + z] > 0 {
                likelihood += lgamma(Double(termCount[term * clusters + z]) + beta) - lgamma(beta)
            }
        }
        return likelihood
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
