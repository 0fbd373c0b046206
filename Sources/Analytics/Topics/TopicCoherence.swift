import Foundation

/// Topic coherence as normalised pointwise mutual information of a topic's top terms (Bouma
/// 2009; Aletras & Stevenson 2013), with documents as the co-occurrence window, since comments
/// are short.
///
/// With N documents, P(w) the share containing w and P(wᵢ,wⱼ) the share containing both,
/// ε = 10⁻¹²: `NPMI(wᵢ,wⱼ) = ln((P(wᵢ,wⱼ) + ε) / (P(wᵢ)·P(wⱼ))) / −ln(P(wᵢ,wⱼ) + ε)`, in [−1, 1];
/// a topic's coherence is the mean over all pairs of its terms (0 for fewer than two terms).
///
/// Each term's documents are kept as an ascending list, and a pair's joint count is found by
/// walking both lists: choosing the number of topics asks for the same pairs over and over, on
/// lists as long as the consultation.
public struct TopicCoherence<Term: Comparable & Hashable & Sendable>: Sendable {
    private let documents: Int
    private let postings: [Term: [Int32]]

    public init(documents: [SortedSet<Term>]) {
        self.init(documents: documents) { _ in true }
    }

    /// NPMI over `documents`, with the documents of the terms in `keeping` listed and no others:
    /// for those terms the values are those of ``init(documents:)``; any other term counts as one
    /// that no document holds.
    public init(documents: [SortedSet<Term>], keeping: Set<Term>) {
        self.init(documents: documents) { keeping.contains($0) }
    }

    private init(documents: [SortedSet<Term>], listing: (Term) -> Bool) {
        var postings: [Term: [Int32]] = [:]
        for (index, terms) in documents.enumerated() {
            for term in terms where listing(term) { postings[term, default: []].append(Int32(index)) }
        }
        self.documents = documents.count
        self.postings = postings
    }

    public func npmi(_ terms: [Term]) -> Double {
        npmi(terms) { sharedCount($0, $1) }
    }

    /// ``npmi(_:)`` with the joint counts looked up in `joint` (``jointCounts(_:threads:)``).
    public func npmi(_ terms: [Term], joint: [Pair: Int]) -> Double {
        npmi(terms) { joint[Pair($0, $1)] ?? sharedCount($0, $1) }
    }

    private func npmi(_ terms: [Term], shared: (Term, Term) -> Int) -> Double {
        guard terms.count >= 2, documents > 0 else { return 0 }
        let epsilon = 1e-12
        let n = Double(documents)
        var sum = 0.0
        var pairs = 0
        for i in 0..<terms.count {
            for j in (i + 1)..<terms.count {
                let joint = Double(shared(terms[i], terms[j])) / n + epsilon
                let pa = Double(postings[terms[i]]?.count ?? 0) / n
                let pb = Double(postings[terms[j]]?.count ?? 0) / n
                pairs += 1
                guard pa > 0, pb > 0 else {
                    sum -= 1
                    continue
                }
                sum += log(joint / (pa * pb)) / -log(joint)
            }
        }
        return sum / Double(pairs)
    }

    /// Two terms, in ascending order: their joint count is the same either way round.
    public struct Pair: Hashable, Sendable {
        let low: Term
        let high: Term

        init(_ first: Term, _ second: Term) {
            (low, high) = first < second ? (first, second) : (second, first)
        }
    }

    /// The documents holding both terms of each pair of terms within each list of `termLists`, each
    /// distinct pair counted once (on `threads` threads).
    public func jointCounts(_ termLists: [[Term]], threads: Int) -> [Pair: Int] {
        var joint: [Pair: Int] = [:]
        addJointCounts(termLists, to: &joint, threads: threads)
        return joint
    }

    /// ``jointCounts(_:threads:)`` added to `joint` in place: a pair `joint` holds already is not
    /// counted again. Choosing the number of topics asks for the same pairs in run after run,
    /// scope after scope.
    public func addJointCounts(_ termLists: [[Term]], to joint: inout [Pair: Int], threads: Int) {
        var seen: Set<Pair> = []
        var pairs: [Pair] = []
        for terms in termLists {
            for i in terms.indices {
                for j in terms.indices where j > i {
                    let pair = Pair(terms[i], terms[j])
                    if joint[pair] == nil, seen.insert(pair).inserted { pairs.append(pair) }
                }
            }
        }
        let distinct = pairs
        let counts = ParallelMap.map(count: distinct.count, threads: threads) { range in
            range.map { sharedCount(distinct[$0].low, distinct[$0].high) }
        }
        for (pair, count) in zip(distinct, counts) { joint[pair] = count }
    }

    /// The number of documents holding both terms.
    func sharedCount(_ first: Term, _ second: Term) -> Int {
        Self.sharedCount(postings[first] ?? [], postings[second] ?? [])
    }

    /// The number of values two ascending lists share.
    static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared
    }
}
