import Foundation

/// Keywords of a set of comments against the rest of the consultation, by log-likelihood G²
/// with the Log Ratio effect size (Dunning 1993; Rayson & Garside 2000; Hardie 2014).
///
/// Counting unit: the comment. For a stem, a = target comments containing it (of c target
/// comments), b = other comments containing it (of d others). With the 2×2 table
/// O = [[a, c−a], [b, d−b]] and expected counts E from its margins:
/// - `G² = 2 · Σ O·ln(O/E)` (cells with O = 0 add nothing);
/// - `LogRatio = log2(((a + 0.5)/c) / ((b + 0.5)/d))`.
/// A stem is a keyword when a ≥ ``minimumComments``, LogRatio > 0 (used more in the target) and,
/// with `nounsOnly`, it is a noun (``DisplayForms/isNoun(_:)``: capitalised inside sentences):
/// nouns are what a reader expects in a keyword list (verbs such as `spart` or `funktionieren`
/// say little on their own). Keywords are ranked by G², then by a, then by stem. When there are no other comments (d = 0),
/// the ranking falls back to a. ``Keyword/isSignificant`` marks G² ≥ 10.83 (p < 0.001, 1 df).
public struct KeynessExtractor: Sendable {
    /// Comments a stem must occur in to be a keyword.
    public let minimumComments: Int
    /// Keywords returned per set.
    public let limit: Int

    /// Keep only nouns (and names and acronyms).
    public let nounsOnly: Bool

    public init(minimumComments: Int = 2, limit: Int = 10, nounsOnly: Bool = true) {
        self.minimumComments = minimumComments
        self.limit = limit
        self.nounsOnly = nounsOnly
    }

    /// Keywords of the comments at `target` (distinct indices) among `documents` (each a set of
    /// stems as strings).
    public func keywords(
        target: some Collection<Int>, documents: KeywordDocuments<String>, display: DisplayForms
    ) -> [Keyword] {
        keywords(target: target, documents: documents) { stem in
            nounsOnly && !display.isNoun(stem) ? nil : (stem, display.display(stem))
        }
    }

    /// Keywords of the comments at `target` (distinct indices) among `documents` (each a set of
    /// term ids of `vocabulary`).
    public func keywords(
        target: some Collection<Int>, documents: KeywordDocuments<TermID>, vocabulary: TermVocabulary,
        display: DisplayForms
    ) -> [Keyword] {
        keywords(target: target, documents: documents) { id in
            let stem = vocabulary[id]
            return nounsOnly && !display.isNoun(stem) ? nil : (stem, display.display(stem))
        }
    }

    /// ``keywords(target:documents:display:)`` over documents counted for this call only.
    public func keywords(target: some Collection<Int>, documents: [StemSet], display: DisplayForms) -> [Keyword] {
        keywords(target: target, documents: KeywordDocuments(documents), display: display)
    }

    /// Keywords of the comments at `target` (distinct indices) among `documents`, with `shown`
    /// giving each term's stem and spelling, or nil for a term that may not be a keyword.
    public func keywords<Term>(
        target: some Collection<Int>, documents: KeywordDocuments<Term>,
        shown: (Term) -> (stem: String, display: String)?
    ) -> [Keyword] {
        ranked(target: target, documents: documents, shown: shown).map(\.keyword)
    }

    /// The keywords with the term each was counted on. Only the target's documents are read: the
    /// others' counts are the corpus's minus the target's. `target` holds distinct indices (a set,
    /// or a cluster's members: no set of a hundred thousand members is built to count them).
    public func ranked<Term>(
        target: some Collection<Int>, documents: KeywordDocuments<Term>,
        shown: (Term) -> (stem: String, display: String)?
    ) -> [(term: Term, keyword: Keyword)] {
        let c = target.count
        let d = documents.stems.count - c
        guard c > 0 else { return [] }
        var inTarget: [Term: Int] = [:]
        for index in target {
            for stem in documents.stems[index] { inTarget[stem, default: 0] += 1 }
        }
        var candidates: [(term: Term, keyword: Keyword)] = []
        for (term, a) in inTarget where a >= minimumComments {
            guard let shown = shown(term) else { continue }
            let b = (documents.frequency[term] ?? 0) - a
            let logRatio = d > 0 ? log2((Double(a) + 0.5) / Double(c) / ((Double(b) + 0.5) / Double(d))) : 0
            guard d == 0 || logRatio > 0 else { continue }
            let g2 = d > 0 ? Self.logLikelihood(a: a, b: b, c: c, d: d) : 0
            candidates.append(
                (term, Keyword(stem: shown.stem, display: shown.display, comments: a, logLikelihood: g2, logRatio: logRatio)))
        }
        candidates.sort { lhs, rhs in
            let (left, right) = (lhs.keyword, rhs.keyword)
            if left.logLikelihood != right.logLikelihood { return left.logLikelihood > right.logLikelihood }
            if left.comments != right.comments { return left.comments > right.comments }
            return left.stem < right.stem
        }
        return Array(candidates.prefix(limit))
    }

    /// G² of the 2×2 table [[a, c−a], [b, d−b]].
    static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        let total = Double(c + d)
        let withTerm = Double(a + b)
        let cells: [(observed: Double, row: Double, column: Double)] = [
            (Double(a), Double(c), withTerm), (Double(c - a), Double(c), total - withTerm),
            (Double(b), Double(d), withTerm), (Double(d - b), Double(d), total - withTerm),
        ]
        var sum = 0.0
        for cell in cells where cell.observed > 0 {
            let expected = cell.row * cell.column / total
            sum += cell.observed * log(cell.observed / expected)
        }
        return 2 * sum
    }
}

/// The documents keywords are drawn from, each a set of terms, with the number of documents
/// holding each term, counted once for the many sets (goals, measures, topics) ranked against them.
public struct KeywordDocuments<Term: Comparable & Hashable & Sendable>: Sendable {
    public let stems: [SortedSet<Term>]
    /// Documents per term.
    public let frequency: [Term: Int]

    public init(_ stems: [SortedSet<Term>]) {
        var frequency: [Term: Int] = [:]
        for set in stems { for stem in set { frequency[stem, default: 0] += 1 } }
        self.stems = stems
        self.frequency = frequency
    }
}

/// A keyword of a goal, measure or topic.
public struct Keyword: Sendable, Equatable, Codable {
    /// The matching key the statistics were counted on.
    public var stem: String
    /// The corpus's most frequent spelling of the stem.
    public var display: String
    /// Comments of the set that contain it.
    public var comments: Int
    /// G² against the rest of the consultation.
    public var logLikelihood: Double
    /// Log Ratio (binary log of the relative-frequency ratio) against the rest.
    public var logRatio: Double

    public init(stem: String, display: String, comments: Int, logLikelihood: Double, logRatio: Double) {
        self.stem = stem
        self.display = display
        self.comments = comments
        self.logLikelihood = logLikelihood
        self.logRatio = logRatio
    }

    /// G² ≥ 10.83: more frequent in the set than chance allows at p < 0.001.
    public var isSignificant: Bool { logLikelihood >= 10.83 }
}
