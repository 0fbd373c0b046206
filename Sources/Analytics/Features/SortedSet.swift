/// A set of terms held as one array, ascending, each term once: term ids (``TermSet``, a
/// comment's keyword stems) or strings (``StemSet``: phrase keys, and stems before the run has
/// numbered them).
///
/// What a run keeps per comment for keywords, topics and near-duplicates. A `Set` of a comment's
/// twenty stems takes a hash table of 32 or 64 slots; this takes twenty: at a million comments,
/// with several such sets each, a gigabyte or more (docs/performance.md). Lookups are binary
/// searches, and two sets meet in one merge.
public struct SortedSet<Term: Comparable & Hashable & Sendable>: Sendable, Hashable, RandomAccessCollection,
    ExpressibleByArrayLiteral
{
    /// The terms, ascending, distinct.
    public let terms: [Term]

    public init() { terms = [] }

    /// The distinct terms of `terms`, in any order, with repeats.
    public init<Terms: Sequence<Term>>(_ terms: Terms) {
        var sorted = Array(terms)
        sorted.sort()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[index] {
            sorted.swapAt(kept, index)
            kept += 1
        }
        // Exactly the distinct terms: `sorted` may have room for many repeats.
        self.terms = sorted.capacity == kept ? sorted : Array(sorted[..<kept])
    }

    public init(arrayLiteral terms: Term...) { self.init(terms) }

    public var startIndex: Int { terms.startIndex }
    public var endIndex: Int { terms.endIndex }
    public subscript(position: Int) -> Term { terms[position] }

    /// Whether the set holds `term` (a binary search).
    public func contains(_ term: Term) -> Bool { terms.sortedIndex(of: term) != nil }

    /// The terms of the set for which `isIncluded` holds, still in order.
    public func filter(_ isIncluded: (Term) throws -> Bool) rethrows -> SortedSet {
        SortedSet(sortedDistinct: try terms.filter(isIncluded))
    }

    /// How many terms the two sets share (one merge of the sorted arrays).
    public func intersectionCount(_ other: SortedSet) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                shared += 1
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The terms of either set, ascending (one merge of the sorted arrays).
    public func union(_ other: SortedSet) -> SortedSet {
        guard !terms.isEmpty else { return other }
        var result: [Term] = []
        result.reserveCapacity(terms.count + other.terms.count)
        var (i, j) = (0, 0)
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                result.append(terms[i])
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                result.append(terms[i])
                i += 1
            } else {
                result.append(other.terms[j])
                j += 1
            }
        }
        result.append(contentsOf: terms[i...])
        result.append(contentsOf: other.terms[j...])
        return SortedSet(sortedDistinct: result)
    }

    private init(sortedDistinct: [Term]) { terms = sortedDistinct }
}

/// Strings in `String`'s order: phrase keys, and stems before the run numbers them.
public typealias StemSet = SortedSet<String>

/// Ids of the run's ``TermVocabulary``; in id order, which is term order.
public typealias TermSet = SortedSet<TermID>
