import Foundation

/// Splits closed German compounds into known words, after Koehn & Knight (2003).
///
/// For a word of ``minimumWordLength`` to ``maximumWordLength`` letters (letters only, not in
/// `exceptions`; longer strings are no words but keyboard runs or glued text, and the search
/// below grows with the cube of the length):
/// 1. Every split into a modifier and a head of at least ``minimumPartLength`` letters each is a
///    candidate when the head is a known word (``Lexicon/isKnown(_:)``), not a stopword and not a
///    blocked head (suffix-like nouns such as `schaft` in `Wirtschaft`).
/// 2. Between modifier and head a linking element may stand: `s`, `es`, `n`, `en`, `e`, or none;
///    with none, the modifier may also have lost a final `e` (`Schulweg` = `Schule` + `Weg`).
/// 3. The modifier must be a known word that is not a stopword; if it is not known, it may itself
///    be split by the same rules (one level deeper, at most twice), so `Fachkräftesicherungsplan`
///    can become `Fachkräfte` + `Sicherung` + `Plan`. A known modifier is never split further:
///    `Radwegbeleuchtung` gives `Radweg` + `Beleuchtung`, not three parts.
/// 4. A candidate's score is the geometric mean of its parts' counts (``Lexicon/count(_:)``).
///    The best candidate wins (ties: fewer parts, then the longer head), and the word is split
///    only when that score is higher than the count of the whole word, which keeps lexicalised
///    compounds whole unless the corpus uses their parts more often than the compound.
public struct CompoundSplitter: Sendable {
    /// Shortest word that is considered for splitting.
    public let minimumWordLength: Int
    /// Shortest modifier or head.
    public let minimumPartLength: Int
    /// Longest word that is considered for splitting (the longest German compounds in use have
    /// about 60 letters).
    public static let maximumWordLength = 64
    /// Linking elements (Fugenelemente) tried between modifier and head. None comes first, so on
    /// equal scores the longer modifier wins (`Kleinstraße` = `Klein` + `Straße`, not `Klei` +
    /// `n` + `Straße`).
    public static let linkingElements = ["", "s", "es", "n", "en", "e"]

    public let lexicon: Lexicon
    public let stopwords: Set<String>
    /// Words never split (`bahnhof`, `verantwortung`).
    public let exceptions: Set<String>
    /// Known nouns that are never a head because they look like suffixes (`schaft`, `lein`).
    public let blockedHeads: Set<String>

    /// - Precondition: `minimumPartLength >= 1` and `minimumWordLength >= 2 * minimumPartLength`.
    public init(
        lexicon: Lexicon, stopwords: Set<String> = [], exceptions: Set<String> = [],
        blockedHeads: Set<String> = [], minimumWordLength: Int = 8, minimumPartLength: Int = 3
    ) {
        precondition(minimumPartLength >= 1, "minimumPartLength must be at least 1")
        precondition(
            minimumWordLength >= 2 * minimumPartLength,
            "minimumWordLength must be at least twice minimumPartLength")
        self.lexicon = lexicon
        self.stopwords = stopwords
        self.exceptions = exceptions
        self.blockedHeads = blockedHeads
        self.minimumWordLength = minimumWordLength
        self.minimumPartLength = minimumPartLength
    }

    /// The same splitter with another corpus vocabulary.
    public func with(_ vocabulary: CorpusVocabulary) -> CompoundSplitter {
        CompoundSplitter(
            lexicon: lexicon.with(vocabulary), stopwords: stopwords, exceptions: exceptions,
            blockedHeads: blockedHeads, minimumWordLength: minimumWordLength,
            minimumPartLength: minimumPartLength)
    }

    /// The parts of `word` (a case-folded norm) as ranges of its Unicode scalars, without linking
    /// elements; nil when `word` is not split.
    public func split(_ word: String) -> [Range<Int>]? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minimumWordLength, scalars.count <= Self.maximumWordLength,
            scalars.allSatisfy({ $0.properties.isAlphabetic }),
            !exceptions.contains(word)
        else { return nil }
        guard let best = bestSplit(scalars, 0..<scalars.count, depth: 0) else { return nil }
        let wholeCount = lexicon.count(word)
        guard wholeCount == 0 || best.meanLog > log(Double(wholeCount)) else { return nil }
        return best.parts
    }

    /// The head of `word` for completing a suspended hyphen: its last part when it splits,
    /// otherwise its longest known suffix of at least four letters that leaves a prefix.
    public func head(of word: String) -> Range<Int>? {
        if let parts = split(word), let last = parts.last { return last }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 4, scalars.count <= Self.maximumWordLength else { return nil }
        for start in 1...(scalars.count - 4) {
            let suffix = string(scalars[start...])
            if lexicon.isKnown(suffix) && !stopwords.contains(suffix) && !blockedHeads.contains(suffix) {
                return start..<scalars.count
            }
        }
        return nil
    }

    private struct Candidate {
        var logSum: Double
        var parts: [Range<Int>]
        var meanLog: Double { logSum / Double(parts.count) }

        func isBetter(than other: Candidate) -> Bool {
            if abs(meanLog - other.meanLog) > 1e-12 { return meanLog > other.meanLog }
            if parts.count != other.parts.count { return parts.count < other.parts.count }
            return parts.last!.lowerBound < other.parts.last!.lowerBound
        }
    }

    private func bestSplit(_ scalars: [Unicode.Scalar], _ range: Range<Int>, depth: Int)
        -> Candidate?
    {
        var best: Candidate? = nil
        let lower = range.lowerBound
        let upper = range.upperBound
        guard upper - lower >= 2 * minimumPartLength else { return nil }
        for headStart in (lower + minimumPartLength)...(upper - minimumPartLength) {
            let head = string(scalars[headStart..<upper])
            guard lexicon.isKnown(head), !stopwords.contains(head), !blockedHeads.contains(head)
            else { continue }
            let headLog = log(Double(max(lexicon.count(head), 1)))
            for linking in Self.linkingElements {
                let linkLength = linking.unicodeScalars.count
                let modifierEnd = headStart - linkLength
                guard modifierEnd - lower >= minimumPartLength else { continue }
                if linkLength > 0 && string(scalars[modifierEnd..<headStart]) != linking {
                    continue
                }
                let modifier = string(scalars[lower..<modifierEnd])
                var forms = [modifier]
                if linking.isEmpty { forms.append(modifier + "e") }
                var found: Candidate? = nil
                for form in forms where lexicon.isKnown(form) && !stopwords.contains(form) {
                    let candidate = Candidate(
                        logSum: log(Double(max(lexicon.count(form), 1))) + headLog,
                        parts: [lower..<modifierEnd, headStart..<upper])
                    if found.map({ candidate.isBetter(than: $0) }) ?? true { found = candidate }
                }
                if found == nil, depth < 2,
                    let inner = bestSplit(scalars, lower..<modifierEnd, depth: depth + 1)
                {
                    found = Candidate(logSum: inner.logSum + headLog, parts: inner.parts + [headStart..<upper])
                }
                if let found, best.map({ found.isBetter(than: $0) }) ?? true { best = found }
            }
        }
        return best
    }

    private func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
