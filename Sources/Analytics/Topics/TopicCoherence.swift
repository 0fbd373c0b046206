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
        var postings: [Term: [Int32]] = [:]
        for (index, terms) in documents.enumerated() {
            for term in terms { postings[term, default: []].append(Int32(index)) }
        }
        self.documents = documents.count
        self.postings = postings
    }

    public func npmi(_ terms: [Term]) -> Double {
        guard terms.count >= 2, documents > 0 else { return 0 }
        let epsilon = 1e-12
        let n = Double(documents)
        var sum = 0.0
        var pairs = 0
        for i in 0..<terms.count {
            for j in (i + 1)..<terms.count {
                let a = postings[terms[i]] ?? []
                let b = postings[terms[j]] ?? []
                let joint = Double(Self.sharedCount(a, b)) / n + epsilon
                let pa = Double(a.count) / n
                let pb = Double(b.count) / n
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
