import Foundation

/// Okapi BM25 over a collection of comments (Robertson & Zaragoza 2009), comment = document,
/// measure = query.
///
/// `score(q, d) = Σ_t w_q(t) · idf(t) · f(t,d)·(k1+1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl))`,
/// `idf(t) = ln(1 + (N − n_t + 0.5)/(n_t + 0.5))`, with N comments, n_t comments containing t,
/// |d| the comment's term count and avgdl its mean. Lucene's defaults k1 = 1.2, b = 0.75.
/// Terms are ids of the run's ``TermVocabulary``; `n_t` is held in an array indexed by id.
public struct BM25Index: Sendable {
    public let k1: Double
    public let b: Double
    public let documentCount: Int
    public let averageLength: Double
    private let documentFrequency: [Int32]

    public init(documents: [TermBag], k1: Double = 1.2, b: Double = 0.75) {
        precondition(k1 >= 0 && (0...1).contains(b), "BM25 needs k1 >= 0 and 0 <= b <= 1")
        var frequency = [Int32](repeating: 0, count: TermBag.idLimit(documents))
        var totalLength = 0
        for document in documents {
            totalLength += document.length
            for term in document.terms { frequency[Int(term)] += 1 }
        }
        self.k1 = k1
        self.b = b
        self.documentCount = documents.count
        self.averageLength = documents.isEmpty ? 0 : Double(totalLength) / Double(documents.count)
        self.documentFrequency = frequency
    }

    /// `idf(t)`; 0 comments for a term no comment has.
    public func idf(_ term: TermID) -> Double {
        let n = Int(term) < documentFrequency.count ? Double(documentFrequency[Int(term)]) : 0
        return log(1 + (Double(documentCount) - n + 0.5) / (n + 0.5))
    }

    /// The contribution of each query term that occurs in `document`, sorted by term.
    ///
    /// Sorted, so that summing them gives the same floating-point result in every run: Swift
    /// dictionaries iterate in an order that differs between instances and processes.
    public func contributions(of query: [TermID: Double], in document: TermBag) -> [(term: TermID, weight: Double)] {
        contributions(ofSorted: query.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }, in: document)
    }

    /// ``contributions(of:in:)`` for a query already sorted by term, so that scoring one query
    /// against every comment sorts it once, not once per comment.
    public func contributions(
        ofSorted query: [(term: TermID, weight: Double)], in document: TermBag
    )
        -> [(term: TermID, weight: Double)]
    {
        guard averageLength > 0 else { return [] }
        let lengthNorm = 1 - b + b * Double(document.length) / averageLength
        var result: [(term: TermID, weight: Double)] = []
        // Both lists are sorted by term: walk them side by side.
        var position = 0
        let terms = document.terms
        for (term, weight) in query {
            while position < terms.count && terms[position] < term { position += 1 }
            guard position < terms.count else { break }
            guard terms[position] == term else { continue }
            let frequency = Double(document.counts[position])
            result.append((term, weight * idf(term) * frequency * (k1 + 1) / (frequency + k1 * lengthNorm)))
        }
        return result
    }

    /// The BM25 score: the sum of ``contributions(of:in:)`` in their fixed order.
    public func score(_ contributions: [(term: TermID, weight: Double)]) -> Double {
        contributions.reduce(0) { $0 + $1.weight }
    }
}
