/// A term's number in a run's ``TermVocabulary``.
public typealias TermID = UInt32

/// Every matching term (stem or compound-part stem) of a run's texts, each once, numbered.
///
/// Rule: the ids are the positions of the distinct terms of all texts sorted by `String`'s `<`.
/// So ordering by id is ordering by term, and every step that walks terms in order (BM25's merge,
/// sums over a comment's terms, ties broken by term) adds and decides exactly as it would on the
/// strings; the same texts always give the same ids.
///
/// The strings stay here, for the edges that show a term to a person (evidence, keywords, the
/// research export); the steps between work on ids.
public struct TermVocabulary: Sendable, Equatable {
    /// The terms, ascending; a term's id is its index.
    public let terms: [String]

    /// The distinct terms of `texts`: each chunk's terms sorted and made distinct on `threads`
    /// threads (``SortedSet``), then the chunks joined in order.
    public init(_ texts: [TextTerms], threads: Int = 1) {
        let chunks = ParallelMap.map(count: texts.count, threads: threads) { range in
            [StemSet(range.lazy.flatMap { texts[$0].terms })]
        }
        terms = chunks.reduce(StemSet()) { $0.union($1) }.terms
    }

    public var count: Int { terms.count }

    /// The term of `id`.
    public subscript(id: TermID) -> String { terms[Int(id)] }

    /// The id of `term`, nil when no text of the run has it (a binary search).
    public func id(of term: String) -> TermID? { terms.sortedIndex(of: term).map { TermID($0) } }

    /// `text` as ids: one walk of its sorted terms beside the sorted vocabulary. Every term of
    /// `text` must be in the vocabulary (the vocabulary was made from it).
    public func bag(_ text: TextTerms) -> TermBag {
        var ids: [TermID] = []
        ids.reserveCapacity(text.terms.count)
        var position = 0
        for term in text.terms {
            if position < terms.count, terms[position] != term {
                position = terms.lowerBound(of: term, from: position)
            }
            precondition(position < terms.count && terms[position] == term, "a term the vocabulary was not made from")
            ids.append(TermID(position))
        }
        return TermBag(sortedTerms: ids, counts: text.counts, displays: text.displays, length: text.length)
    }

    /// The ids of `stems`; a stem no text of the run has is left out.
    public func ids(_ stems: StemSet) -> TermSet {
        TermSet(stems.compactMap { id(of: $0) })
    }

    /// ``ids(_:)`` of each of `sets`, in order, on `threads` threads.
    public func ids(_ sets: [StemSet], threads: Int) -> [TermSet] {
        ParallelMap.map(count: sets.count, threads: threads) { range in range.map { ids(sets[$0]) } }
    }

    /// The vocabulary of `texts` and each of them as ids, in order.
    public static func bags(_ texts: [TextTerms], threads: Int = 1) -> (vocabulary: TermVocabulary, bags: [TermBag]) {
        let vocabulary = TermVocabulary(texts, threads: threads)
        let bags = ParallelMap.map(count: texts.count, threads: threads) { range in range.map { vocabulary.bag(texts[$0]) } }
        return (vocabulary, bags)
    }
}
