/// A term id and its count in one comment's row: two 32-bit integers, half of a pair of `Int`s,
/// for rows that a large scope holds for every comment while its topics are found.
public struct TermCount: Sendable, Equatable {
    private let storedTerm: Int32
    private let storedCount: Int32

    public var term: Int { Int(storedTerm) }
    public var count: Int { Int(storedCount) }

    public init(term: Int, count: Int) {
        storedTerm = Int32(term)
        storedCount = Int32(count)
    }
}

/// Some comments' term bags numbered afresh, 0 up to the number of distinct terms among them:
/// the dense rows that self-training and the topics loop over, with a vocabulary no larger than
/// the comments at hand use (the Dirichlet smoothing of Naive Bayes and GSDMM counts it).
///
/// Rule: local ids are given in order of first appearance, comments in order and each comment's
/// terms in id order, so the ids are the same in every run over the same input. A renumbering of
/// integers through one array: no term is looked up as a string.
public struct TermMatrix: Sendable {
    /// The run's ``TermID`` of each local id.
    public let terms: [TermID]
    /// Per comment: (local term id, count), sorted by local id.
    public let rows: [[TermCount]]
    /// Per comment: the sum of its counts.
    public let lengths: [Int]

    public init(bags: [TermBag]) {
        var local = [Int32](repeating: -1, count: TermBag.idLimit(bags))
        var terms: [TermID] = []
        var rows: [[TermCount]] = []
        rows.reserveCapacity(bags.count)
        for bag in bags {
            var row: [TermCount] = []
            row.reserveCapacity(bag.terms.count)
            for (term, count) in bag.entries {
                var id = Int(local[Int(term)])
                if id < 0 {
                    id = terms.count
                    local[Int(term)] = Int32(id)
                    terms.append(term)
                }
                row.append(TermCount(term: id, count: Int(count)))
            }
            row.sort { $0.term < $1.term }
            rows.append(row)
        }
        self.terms = terms
        self.rows = rows
        self.lengths = rows.map { $0.reduce(0) { $0 + $1.count } }
    }

    public var vocabularySize: Int { terms.count }
}
