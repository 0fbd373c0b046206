import Foundation
import Testing
import _TestSupport

@testable import Analytics

/// Tests that ``GSDMM``, which evaluates Eq. 4 for all clusters word by word from tables of
/// logarithms, draws what its first version, cluster by cluster and factor by factor, drew: same
/// assignments, same likelihood. The two sum their logarithms in different orders, so the
/// conditionals differ in the last bits; ``conditionalMatchesTheFormula(tableLimit:)`` bounds that
/// difference, far below what moves a draw.
struct GSDMMEquivalenceTests {
    /// Random short documents over a small vocabulary, with repeated words (counts up to 3) and
    /// some documents longer than one product of factors.
    static func documents(count: Int, vocabularySize: Int, seed: UInt64) -> [[(term: Int, count: Int)]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let distinct = 1 + random.index(below: random.index(below: 4) == 0 ? 30 : 8)
            let terms = Set((0..<distinct).map { _ in random.index(below: vocabularySize) })
            return terms.sorted().map { (term: $0, count: 1 + random.index(below: 3) / 2 + random.index(below: 8) / 7) }
        }
    }

    @Test(arguments: [(2, 0), (7, 1), (40, 2)])
    func wordByWordMatchesClusterByCluster(clusters: Int, seed: UInt64) {
        let documents = Self.documents(count: 300, vocabularySize: 120, seed: seed)
        let sampler = GSDMM(maximumClusters: clusters, iterations: 6)
        let fast = sampler.run(documents: termRows(documents), vocabularySize: 120, seed: seed)
        let reference = ClusterByClusterGSDMM(sampler: sampler).run(documents: documents, vocabularySize: 120, seed: seed)
        #expect(fast.assignments == reference.assignments)
        #expect(fast.score == reference.score)
    }

    /// Documents of several products of factors, and of repeated words, draw as the reference.
    @Test func longDocumentsMatchToo() {
        var random = SplitMix64(seed: 11)
        let documents = (0..<120).map { index -> [(term: Int, count: Int)] in
            let distinct = index % 4 == 0 ? 257 + random.index(below: 60) : 1 + random.index(below: 12)
            let first = random.index(below: 600)
            let terms = (0..<distinct).map { (first + $0) % 600 }.sorted()
            return terms.map { (term: $0, count: 1 + random.index(below: 4) / 3) }
        }
        #expect(documents.contains { $0.count < GSDMM.factorsPerLogarithm })
        let sampler = GSDMM(maximumClusters: 5, iterations: 4)
        let fast = sampler.run(documents: termRows(documents), vocabularySize: 600, seed: 3)
        let reference = ClusterByClusterGSDMM(sampler: sampler).run(documents: documents, vocabularySize: 600, seed: 3)
        #expect(fast.assignments == reference.assignments)
        #expect(fast.score == reference.score)
    }

    /// Each cluster's conditional, from the tables (the default limit) and from products of
    /// factors (limit 0, as for a scope too large for the table), against Eq. 4 summed term by
    /// term: within 1e-9 of values of some hundreds, with empty clusters all alike.
    @Test(arguments: [SamplerState.tableLimit, 0])
    func conditionalMatchesTheFormula(tableLimit: Int) {
        let documents =
            Self.documents(count: 200, vocabularySize: 90, seed: 5) + [
                (0..<70).map { (term: $0, count: 1 + $0 % 3) }
            ]
        let (k, v, alpha, beta) = (9, 90, 0.1, 0.1)
        var state = SamplerState(
            documents: termRows(documents), clusters: k, vocabularySize: v, alpha: alpha, beta: beta, tableLimit: tableLimit)
        // Clusters 0…6 filled, 7 and 8 empty.
        for d in documents.indices { state.add(d, to: d % 7, 1) }
        var result = [Double](repeating: 0, count: k)
        var largest = 0.0
        for d in stride(from: 0, to: documents.count, by: 7) + [documents.count - 1] {
            state.add(d, to: d % 7, -1)
            state.logConditional(of: d, into: &result)
            let length = documents[d].reduce(0) { $0 + $1.count }
            for z in 0..<k {
                var expected = log(Double(state.documentCount[z]) + alpha)
                for (term, count) in documents[d] {
                    for j in 0..<count { expected += log(Double(state.termCount[term * k + z]) + beta + Double(j)) }
                }
                for i in 0..<length { expected -= log(Double(state.wordCount[z]) + Double(v) * beta + Double(i)) }
                #expect(abs(result[z] - expected) < 1e-9, "document \(d), cluster \(z)")
                largest = max(largest, abs(expected))
            }
            #expect(result[7] == result[8])
            state.add(d, to: d % 7, 1)
        }
        #expect(largest > 100)
    }

    @Test func extendingFromStartClustersMatches() {
        let documents = Self.documents(count: 200, vocabularySize: 80, seed: 9)
        let start = documents.indices.map { $0 % 3 == 0 ? $0 % 5 : -1 }
        let sampler = GSDMM(maximumClusters: 6, iterations: 3)
        let fast = sampler.run(documents: termRows(documents), vocabularySize: 80, seed: 4, start: start)
        let reference = ClusterByClusterGSDMM(sampler: sampler).run(
            documents: documents, vocabularySize: 80, seed: 4, start: start)
        #expect(fast.assignments == reference.assignments)
        #expect(fast.score == reference.score)
    }
}

/// The sampler as first written: Eq. 4 evaluated one cluster at a time.
private struct ClusterByClusterGSDMM {
    let sampler: GSDMM

    func run(documents: [[(term: Int, count: Int)]], vocabularySize: Int, seed: UInt64, start: [Int]? = nil) -> Clustering {
        let k = sampler.maximumClusters
        let (alpha, beta) = (sampler.alpha, sampler.beta)
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
            for (term, count) in documents[d] { termCount[term * k + z] += Int32(sign * count) }
        }
        var unplaced: [Int] = []
        if let start {
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
        let batch = GSDMM.factorsPerLogarithm
        var logProbability = [Double](repeating: 0, count: k)
        let placements = unplaced.map { (document: $0, placed: false) }
        let sweep = documents.indices.map { (document: $0, placed: true) }
        for pass in [placements] + Array(repeating: sweep, count: sampler.iterations) {
            for (d, placed) in pass {
                if placed { add(d, to: cluster[d], -1) }
                var top = -Double.infinity
                var emptyValue: Double?
                for z in 0..<k {
                    if documentCount[z] == 0, let known = emptyValue {
                        logProbability[z] = known
                        continue
                    }
                    var value = log(Double(documentCount[z]) + alpha)
                    var product = 1.0
                    var factors = 0
                    for (term, count) in documents[d] {
                        let base = Double(termCount[term * k + z]) + beta
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
                    for i in 0..<lengths[d] {
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
