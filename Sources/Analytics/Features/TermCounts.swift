import TextAnalysis

/// The matching terms of one text with their counts: strings as the analyzer yields them
/// (``TextTerms``), or ids of the run's ``TermVocabulary`` (``TermBag``).
///
/// Rules: every content word (``Token/isContentWord``) adds its stem once per occurrence; each of
/// its compound parts whose norm has at least three letters adds the part's stem, unless it equals
/// the word's own stem. So `Fachkräftemangel` adds `fachkraftemangel`, `fachkraft` and `mangel`,
/// and a comment about `Mangel an Fachkräften` meets a measure about `Fachkräftemangel`.
///
/// Stored as three arrays sorted by term rather than as a dictionary: less memory for the
/// hundreds of thousands of bags a large run holds, the vocabulary numbers a text's strings in
/// one merge, and BM25 meets a query's sorted ids in one merge of integers instead of a hash
/// lookup per term (docs/performance.md).
public struct TermCounts<Term: Comparable & Hashable & Sendable>: Sendable, Equatable {
    /// Distinct terms, ascending.
    public private(set) var terms: [Term] = []
    /// Occurrences of each of ``terms``.
    public private(set) var counts: [Int32] = []
    /// The first spelling in the text of each of ``terms``, for evidence; empty once dropped
    /// (``dropDisplays()``).
    public private(set) var displays: [String] = []
    /// Sum of all counts (the BM25 document length).
    public private(set) var length = 0

    public init() {}

    init(sortedTerms: [Term], counts: [Int32], displays: [String], length: Int) {
        terms = sortedTerms
        self.counts = counts
        self.displays = displays
        self.length = length
    }

    /// The position of `term` in ``terms``, nil when the text does not have it.
    public func position(of term: Term) -> Int? { terms.sortedIndex(of: term) }

    public func count(_ term: Term) -> Int { position(of: term).map { Int(counts[$0]) } ?? 0 }

    /// The first spelling of `term` in the text.
    public func display(of term: Term) -> String? {
        position(of: term).flatMap { displays.indices.contains($0) ? displays[$0] : nil }
    }

    /// (term, count) pairs in term order.
    public var entries: Zip2Sequence<[Term], [Int32]> { zip(terms, counts) }

    /// Lets go of the spellings (``display(of:)`` is nil from then on) once nothing will read them:
    /// at a million comments they take a few hundred megabytes.
    public mutating func dropDisplays() { displays = [] }
}

/// A text's matching terms as strings, until the run numbers them.
public typealias TextTerms = TermCounts<String>

/// A text's matching terms as ids: what BM25, query expansion, Naive Bayes and the topics read.
public typealias TermBag = TermCounts<TermID>

extension TermCounts where Term == String {
    public init(tokens: [Token]) {
        var entries: [String: (count: Int32, display: String)] = [:]
        func add(_ stem: String, display: String) {
            guard !stem.isEmpty else { return }
            entries[stem, default: (0, display)].count += 1
        }
        for token in tokens where token.isContentWord {
            add(token.stem, display: token.display)
            for part in token.parts where part.norm.count >= 3 && part.stem != token.stem {
                add(part.stem, display: part.display)
            }
        }
        self.init(entries)
    }

    /// The bag of words already normalised elsewhere (a preprocessed benchmark file): each word
    /// counts as its own stem.
    public init(words: [String]) {
        var entries: [String: (count: Int32, display: String)] = [:]
        for word in words where !word.isEmpty { entries[word, default: (0, word)].count += 1 }
        self.init(entries)
    }

    private init(_ entries: [String: (count: Int32, display: String)]) {
        let sorted = entries.sorted { $0.key < $1.key }
        let counts = sorted.map(\.value.count)
        self.init(
            sortedTerms: sorted.map(\.key), counts: counts, displays: sorted.map(\.value.display),
            length: counts.reduce(0) { $0 + Int($1) })
    }
}

extension TermCounts where Term == TermID {
    /// One more than the largest id any of `bags` holds: the size of an array indexed by id.
    static func idLimit(_ bags: [TermBag]) -> Int {
        bags.reduce(0) { max($0, $1.terms.last.map { Int($0) + 1 } ?? 0) }
    }
}

/// The stems of a text's content words, each once, for keyword statistics (compound parts are
/// left out: a keyword list shows words people wrote, not fragments of them).
public func keywordStems(_ tokens: [Token]) -> StemSet {
    StemSet(tokens.lazy.filter { $0.isContentWord && KeywordHygiene.isKeywordCandidate($0) }.map(\.stem))
}
