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
    ///
    /// The search looks up each stretch of the word once (``SplitSearch``) and remembers the best
    /// split of every prefix, which the rules above ask for again and again.
    public func split(_ word: String) -> [Range<Int>]? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minimumWordLength, scalars.count <= Self.maximumWordLength,
            scalars.allSatisfy({ $0.properties.isAlphabetic }),
            !exceptions.contains(word)
        else { return nil }
        var search = SplitSearch(splitter: self, word: word, scalars: scalars)
        guard let best = search.bestSplit(end: scalars.count, depth: 0) else { return nil }
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

    fileprivate struct Candidate {
        var logSum: Double
        var parts: [Range<Int>]
        var meanLog: Double { logSum / Double(parts.count) }

        func isBetter(than other: Candidate) -> Bool {
            if abs(meanLog - other.meanLog) > 1e-12 { return meanLog > other.meanLog }
            if parts.count != other.parts.count { return parts.count < other.parts.count }
            return parts.last!.lowerBound < other.parts.last!.lowerBound
        }
    }

    /// The search of ``split(_:)`` over one word. Every part it considers is a stretch of the
    /// word (or a modifier plus `e`), so the lexicon is asked about each stretch once, from the
    /// word's UTF-8 bytes; and every modifier it splits further starts at the word's start, so
    /// the best split of each prefix and depth is found once. A stretch the lexicon's
    /// ``Lexicon/mayKnow(_:)`` rules out is unknown without a lookup; that is asked only of words
    /// whose scalars all lie below U+0300 (no combining marks, no Hangul: every stretch of such a
    /// word is in NFC, as the lexicon's and the corpus's words are, so a stretch equal to one of
    /// them as a `String` has its bytes).
    private struct SplitSearch {
        /// What the rules ask about one stretch: may it be a part, and its log count.
        struct Evidence {
            var isHead: Bool
            var isModifier: Bool
            var logCount: Double
        }

        let splitter: CompoundSplitter
        let scalars: [Unicode.Scalar]
        let bytes: [UInt8]
        /// UTF-8 offset of each scalar, and the byte count at the end.
        let offsets: [Int]
        /// By `start * (count + 1) + end`.
        var stretches: [Evidence?]
        /// Modifier `0..<end` plus `e`, by `end`.
        var withE: [Evidence?]
        /// Best split of `0..<end` at each depth, by `end * 3 + depth`; nil inside means none.
        var best: [Candidate??]
        /// Whether ``Lexicon/mayKnow(_:)`` may rule stretches out (every scalar below U+0300).
        let prefilters: Bool

        init(splitter: CompoundSplitter, word: String, scalars: [Unicode.Scalar]) {
            self.splitter = splitter
            self.scalars = scalars
            bytes = Array(word.utf8)
            var offsets: [Int] = []
            offsets.reserveCapacity(scalars.count + 1)
            var offset = 0
            for scalar in scalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            self.offsets = offsets
            stretches = Array(repeating: nil, count: (scalars.count + 1) * (scalars.count + 1))
            withE = Array(repeating: nil, count: scalars.count + 1)
            best = Array(repeating: nil, count: (scalars.count + 1) * 3)
            prefilters = scalars.allSatisfy { $0.value < 0x300 }
        }

        static let unknown = Evidence(isHead: false, isModifier: false, logCount: 0)

        func evidence(of text: String, scalarCount: Int) -> Evidence {
            let (known, count) = splitter.lexicon.knownAndCount(text, scalarCount: scalarCount)
            let isModifier = known && !splitter.stopwords.contains(text)
            return Evidence(
                isHead: isModifier && !splitter.blockedHeads.contains(text), isModifier: isModifier,
                logCount: known ? log(Double(max(count, 1))) : 0)
        }

        mutating func stretch(_ range: Range<Int>) -> Evidence {
            let key = range.lowerBound * (scalars.count + 1) + range.upperBound
            if let known = stretches[key] { return known }
            let span = offsets[range.lowerBound]..<offsets[range.upperBound]
            let found: Evidence
            if prefilters, !bytes.withUnsafeBufferPointer({ splitter.lexicon.mayKnow(UnsafeBufferPointer(rebasing: $0[span])) }) {
                found = Self.unknown
            } else {
                found = evidence(of: String(decoding: bytes[span], as: UTF8.self), scalarCount: range.count)
            }
            stretches[key] = found
            return found
        }

        mutating func modifierWithE(end: Int) -> Evidence {
            if let known = withE[end] { return known }
            let modifier = bytes[0..<offsets[end]] + [UInt8(ascii: "e")]
            let found =
                prefilters && !modifier.withUnsafeBufferPointer(splitter.lexicon.mayKnow)
                ? Self.unknown : evidence(of: String(decoding: modifier, as: UTF8.self), scalarCount: end + 1)
            withE[end] = found
            return found
        }

        /// The best split of `0..<end`, as in the rules of ``CompoundSplitter/split(_:)``.
        mutating func bestSplit(end: Int, depth: Int) -> Candidate? {
            let key = end * 3 + depth
            if let known = best[key] { return known }
            let found = searchBestSplit(end: end, depth: depth)
            best[key] = .some(found)
            return found
        }

        private mutating func searchBestSplit(end upper: Int, depth: Int) -> Candidate? {
            var best: Candidate? = nil
            let lower = 0
            let minimumPartLength = splitter.minimumPartLength
            guard upper - lower >= 2 * minimumPartLength else { return nil }
            for headStart in (lower + minimumPartLength)...(upper - minimumPartLength) {
                let head = stretch(headStart..<upper)
                guard head.isHead else { continue }
                let headLog = head.logCount
                for linking in CompoundSplitter.linkingScalars {
                    let linkLength = linking.count
                    let modifierEnd = headStart - linkLength
                    guard modifierEnd - lower >= minimumPartLength else { continue }
                    if linkLength > 0 && !scalars[modifierEnd..<headStart].elementsEqual(linking) {
                        continue
                    }
                    var forms = [stretch(lower..<modifierEnd)]
                    if linking.isEmpty { forms.append(modifierWithE(end: modifierEnd)) }
                    var found: Candidate? = nil
                    for form in forms where form.isModifier {
                        let candidate = Candidate(
                            logSum: form.logCount + headLog, parts: [lower..<modifierEnd, headStart..<upper])
                        if found.map({ candidate.isBetter(than: $0) }) ?? true { found = candidate }
                    }
                    if found == nil, depth < 2, let inner = bestSplit(end: modifierEnd, depth: depth + 1) {
                        found = Candidate(logSum: inner.logSum + headLog, parts: inner.parts + [headStart..<upper])
                    }
                    if let found, best.map({ found.isBetter(than: $0) }) ?? true { best = found }
                }
            }
            return best
        }
    }

    /// ``linkingElements`` as scalars.
    private static let linkingScalars = linkingElements.map { Array($0.unicodeScalars) }

    private func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
