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
/// term, so the K counts of one word lie side by side in memory; ``SamplerState`` reads each
/// word of a document once for all clusters. The denominator's logarithms depend only on a
/// cluster's word count and the document's length, so each cluster remembers them for as long as
/// its count stays (``SamplerState/subtractDenominator(from:cluster:length:vBeta:)``), with the
/// same values bit for bit. All of it was found with a profiler: the sampler spent most of its
/// time in `log` and in cache misses (docs/performance.md).
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

    /// Factors multiplied together before their logarithm is taken.
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
/// counts of each word side by side. Eq. 4 is evaluated for all clusters together, word by
/// word: every cluster multiplies the same number of factors, so the products of
/// ``GSDMM/factorsPerLogarithm`` factors (one logarithm each) close at the same word for all;
/// each cluster's factors come in the same order as when clusters were evaluated one at a time,
/// so the values, and with them the draws, are bit for bit those of that order.
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
    private var products: [Double]
    /// `log(m + α)` for m = 0 … documents: the same value `log` gives, looked up.
    private let logDocumentCount: [Double]
    /// The denominator's logarithms, remembered per cluster for the cluster's word count they
    /// were computed at (``subtractDenominator(from:cluster:length:vBeta:)``): `full[z ·
    /// fullBatches + j]`, the log of the product of factors `16 j … 16 j + 15`, and `tail[z ·
    /// (cachedLength + 1) + N]`, the log of the last, partial product of a document of length N;
    /// each with the word count + 1 it holds (0: nothing yet).
    private var full: [Double]
    private var fullStamp: [Int]
    private var tail: [Double]
    private var tailStamp: [Int]
    /// Documents up to this length take every denominator logarithm from the remembered ones; a
    /// longer one takes its first `cachedLength / 16` products from them and computes the rest.
    static let cachedLength = 256
    static let fullBatches = cachedLength / GSDMM.factorsPerLogarithm

    init(documents: [[TermCount]], clusters: Int, vocabularySize: Int, alpha: Double, beta: Double) {
        self.clusters = clusters
        self.vocabularySize = vocabularySize
        self.alpha = alpha
        self.beta = beta
        var terms: [Int32] = []
        var counts: [Int32] = []
        var offsets = [0]
        offsets.reserveCapacity(documents.count + 1)
        for document in documents {
            for entry in document {
                terms.append(Int32(entry.term))
                counts.append(Int32(entry.count))
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
        products = [Double](repeating: 0, count: clusters)
        logDocumentCount = (0...documents.count).map { log(Double($0) + alpha) }
        full = [Double](repeating: 0, count: clusters * Self.fullBatches)
        fullStamp = [Int](repeating: 0, count: clusters * Self.fullBatches)
        tail = [Double](repeating: 0, count: clusters * (Self.cachedLength + 1))
        tailStamp = [Int](repeating: 0, count: clusters * (Self.cachedLength + 1))
    }

    /// Subtracts the denominator of Eq. 4, `Π_i (n_z + Vβ + i)` for i from 0 to `length − 1`, from
    /// `value` for cluster `z`: a product of ``GSDMM/factorsPerLogarithm`` factors at a time, each
    /// product's logarithm subtracted in turn. The logarithms depend only on the cluster's word
    /// count and the length, so those of a document of up to ``cachedLength`` words are computed
    /// once for as long as the count stays (a document taken out and put back restores it); a
    /// longer document's further products are computed each time, the same way.
    mutating func subtractDenominator(from value: inout Double, cluster z: Int, length: Int, vBeta: Double) {
        let batch = GSDMM.factorsPerLogarithm
        let words = wordCount[z]
        let base = Double(words) + vBeta
        func logProduct(_ factors: Range<Int>) -> Double {
            var product = 1.0
            for i in factors { product *= base + Double(i) }
            return log(product)
        }
        for j in 0..<(length / batch) {
            let factors = (j * batch)..<((j + 1) * batch)
            guard j < Self.fullBatches else {
                value -= logProduct(factors)
                continue
            }
            let slot = z * Self.fullBatches + j
            if fullStamp[slot] != words + 1 {
                full[slot] = logProduct(factors)
                fullStamp[slot] = words + 1
            }
            value -= full[slot]
        }
        guard length % batch != 0 else { return }
        let factors = ((length / batch) * batch)..<length
        guard length <= Self.cachedLength else {
            value -= logProduct(factors)
            return
        }
        let slot = z * (Self.cachedLength + 1) + length
        if tailStamp[slot] != words + 1 {
            tail[slot] = logProduct(factors)
            tailStamp[slot] = words + 1
        }
        value -= tail[slot]
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
        let batch = GSDMM.factorsPerLogarithm
        let vBeta = Double(vocabularySize) * beta
        let length = lengths[d]
        let entries = offsets[d]..<offsets[d + 1]
        evaluated.withUnsafeBufferPointer { evaluated in
            values.withUnsafeMutableBufferPointer { values in
                products.withUnsafeMutableBufferPointer { products in
                    termCount.withUnsafeBufferPointer { termCount in
                        for a in 0..<n {
                            values[a] = logDocumentCount[documentCount[evaluated[a]]]
                            products[a] = 1
                        }
                        // Numerator: Π_w Π_j (n^w_z + β + j), j from 0.
                        var factors = 0
                        for entry in entries {
                            let row = Int(terms[entry]) * k
                            for j in 0..<Int(counts[entry]) {
                                let step = Double(j)
                                for a in 0..<n {
                                    products[a] *= (Double(termCount[row + evaluated[a]]) + beta) + step
                                }
                                factors += 1
                                if factors == batch {
                                    for a in 0..<n {
                                        values[a] += log(products[a])
                                        products[a] = 1
                                    }
                                    factors = 0
                                }
                            }
                        }
                        for a in 0..<n {
                            values[a] += log(products[a])
                            products[a] = 1
                        }
                    }
                }
            }
        }
        // Denominator: Π_i (n_z + Vβ + i), i from 0 to N_d − 1.
        for a in 0..<n {
            var value = values[a]
            subtractDenominator(from: &value, cluster: evaluated[a], length: length, vBeta: vBeta)
            values[a] = value
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
