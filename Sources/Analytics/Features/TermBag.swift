/// The matching terms of one text as ids of the run's ``TermVocabulary``: what BM25, query
/// expansion, Naive Bayes and the topics read of a comment.
///
/// Stored as three arrays sorted by id (which is term order) rather than as a dictionary: less
/// memory for the hundreds of thousands of bags a large run holds, and BM25 meets a query's
/// sorted ids in one merge of integers instead of a hash lookup per term (docs/performance.md).
public struct TermBag: Sendable, Equatable {
    /// Distinct term ids, ascending.
    public private(set) var terms: [TermID] = []
    /// Occurrences of each of ``terms``.
    public private(set) var counts: [Int32] = []
    /// The first spelling in the text of each of ``terms``, for evidence.
    public private(set) var displays: [String] = []
    /// Sum of all counts (the BM25 document length).
    public private(set) var length = 0

    public init() {}

    init(sortedIDs: [TermID], counts: [Int32], displays: [String], length: Int) {
        terms = sortedIDs
        self.counts = counts
        self.displays = displays
        self.length = length
    }

    /// The position of `term` in ``terms``, nil when the text does not have it.
    public func position(of term: TermID) -> Int? { terms.sortedIndex(of: term) }

    public func count(_ term: TermID) -> Int { position(of: term).map { Int(counts[$0]) } ?? 0 }

    /// The first spelling of `term` in the text.
    public func display(of term: TermID) -> String? { position(of: term).map { displays[$0] } }

    /// (term, count) pairs in id order.
    public var entries: Zip2Sequence<[TermID], [Int32]> { zip(terms, counts) }
}
