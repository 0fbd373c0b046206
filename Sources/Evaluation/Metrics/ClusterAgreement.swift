import Foundation

/// Agreement between a clustering and gold classes.
///
/// - NMI, arithmetic normalisation (scikit-learn's default): `I(C; K) / ((H(C) + H(K)) / 2)`,
///   natural logarithms; 1 when both are the same single cluster.
/// - ARI (Hubert & Arabie 1985): `(Σ_ij C(n_ij,2) − E) / (½(Σ_i C(a_i,2) + Σ_j C(b_j,2)) − E)`,
///   `E = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2)`; 1 when the partitions are equal.
/// Sums run over sorted keys, so the result is the same in every run.
public struct ClusterAgreement: Sendable, Equatable {
    public var nmi: Double
    public var ari: Double

    public init<Gold: Hashable & Comparable, Found: Hashable & Comparable>(gold: [Gold], found: [Found]) {
        precondition(gold.count == found.count, "one gold class per document")
        let n = Double(gold.count)
        var joint: [Pair<Gold, Found>: Int] = [:]
        var goldCounts: [Gold: Int] = [:]
        var foundCounts: [Found: Int] = [:]
        for (g, f) in zip(gold, found) {
            joint[Pair(g, f), default: 0] += 1
            goldCounts[g, default: 0] += 1
            foundCounts[f, default: 0] += 1
        }
        func entropy(_ counts: [Int]) -> Double {
            counts.reduce(0) { $0 - (Double($1) / n) * log(Double($1) / n) }
        }
        let goldSizes = goldCounts.keys.sorted().compactMap { goldCounts[$0] }
        let foundSizes = foundCounts.keys.sorted().compactMap { foundCounts[$0] }
        var mutual = 0.0
        for key in joint.keys.sorted() {
            guard let count = joint[key], let a = goldCounts[key.first], let b = foundCounts[key.second] else { continue }
            let nij = Double(count)
            mutual += nij / n * log(n * nij / (Double(a) * Double(b)))
        }
        let hGold = entropy(goldSizes)
        let hFound = entropy(foundSizes)
        nmi = hGold + hFound > 0 ? max(0, mutual) / ((hGold + hFound) / 2) : 1
        func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
        let index = joint.keys.sorted().reduce(0.0) { $0 + pairs(joint[$1] ?? 0) }
        let goldPairs = goldSizes.reduce(0.0) { $0 + pairs($1) }
        let foundPairs = foundSizes.reduce(0.0) { $0 + pairs($1) }
        let expected = gold.count > 1 ? goldPairs * foundPairs / pairs(gold.count) : 0
        let maximum = (goldPairs + foundPairs) / 2
        ari = maximum - expected != 0 ? (index - expected) / (maximum - expected) : 1
    }
}

/// A hashable, ordered pair (tuples are neither).
struct Pair<First: Hashable & Comparable, Second: Hashable & Comparable>: Hashable, Comparable {
    var first: First
    var second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    static func < (lhs: Pair, rhs: Pair) -> Bool {
        lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second
    }
}
