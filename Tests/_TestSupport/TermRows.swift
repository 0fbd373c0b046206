import Analytics

/// Term rows for the clustering tests, written as (term id, count) pairs.
public func termRows(_ pairs: [[(term: Int, count: Int)]]) -> [[TermCount]] {
    pairs.map { row in row.map { TermCount(term: $0.term, count: $0.count) } }
}
