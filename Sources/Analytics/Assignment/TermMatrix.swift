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

/// The comments' term bags with interned term ids, for the steps that loop over every comment
/// and every term (self-training, expansion).
///
/// Term ids are given in order of first appearance, comments in order and each comment's terms
/// sorted, so the ids are the same in every run over the same input.
public struct TermMatrix: Sendable {
    /// Term per id.
    public let terms: [String]
    /// Id per term.
    public let ids: [String: Int]
    /// Per comment: (term id, count), sorted by term id.
    public let rows: [[TermCount]]
    /// Per comment: the sum of its counts.
    public let lengths: [Int]

    public init(bags: [TermBag]) {
        var terms: [String] = []
        var ids: [String: Int] = [:]
        var rows: [[TermCount]] = []
        rows.reserveCapacity(bags.count)
        for bag in bags {
            var row: [TermCount] = []
            row.reserveCapacity(bag.terms.count)
            for (term, count) in bag.entries {
                let id: Int
                if let known = ids[term] {
                    id = known
                } else {
                    id = terms.count
                    ids[term] = id
                    terms.append(term)
                }
                row.append(TermCount(term: id, count: Int(count)))
            }
            row.sort { $0.term < $1.term }
            rows.append(row)
        }
        self.terms = terms
        self.ids = ids
        self.rows = rows
        self.lengths = rows.map { $0.reduce(0) { $0 + $1.count } }
    }

    public var vocabularySize: Int { terms.count }
}
