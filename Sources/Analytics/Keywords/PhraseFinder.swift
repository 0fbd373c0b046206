import Foundation
import TextAnalysis

/// Two-word phrases that people use as one unit ("digitale Verwaltung", "Tempo 30"), found as
/// collocations and shown in their most frequent spelling.
///
/// Rules:
/// - a candidate is two adjacent tokens with nothing but spaces between them (no punctuation,
///   no line break): the first a keyword candidate (``KeywordHygiene``), the second a keyword
///   candidate or a number, and the last word a noun (or number), so phrases are noun phrases
///   ("Stadt Jena", not "finde gut"); its key is `stem₁ stem₂`, its spelling the text from the first token's
///   start to the second's end;
/// - over all candidate positions of the corpus, with n₁₁ the pair's count, n₁ₓ the count of
///   stem₁ as first element, nₓ₁ of stem₂ as second element and N the number of positions,
///   G² of the 2×2 table [[n₁₁, n₁ₓ−n₁₁], [nₓ₁−n₁₁, N−n₁ₓ−nₓ₁+n₁₁]] (Dunning 1993) measures
///   how much more often the two meet than chance allows;
/// - a phrase needs `minimumComments` comments, G² ≥ 10.83 (p < 0.001) and more meetings than
///   expected (n₁₁ > n₁ₓ·nₓ₁/N); phrases are then scored like words (``KeynessExtractor``)
///   with each comment's set of phrases as its terms.
public struct PhraseFinder: Sendable {
    public var minimumComments: Int

    public init(minimumComments: Int = 3) {
        self.minimumComments = minimumComments
    }

    /// The phrases of a corpus, numbered: phrase `id` is `keys[id]`, the keys in sorted order (so
    /// id order is key order, as for ``TermVocabulary``); per comment the set of its phrase ids.
    public struct Phrases: Sendable {
        /// `stem₁ stem₂` of each phrase, sorted.
        public var keys: [String]
        public var perComment: [TermSet]
        /// Most frequent spelling per phrase (ties to the smaller string).
        public var display: [String]
        /// The collocation G² per phrase.
        public var strength: [Double]

        public init(keys: [String] = [], perComment: [TermSet], display: [String] = [], strength: [Double] = []) {
            self.keys = keys
            self.perComment = perComment
            self.display = display
            self.strength = strength
        }

        /// The key and spelling of phrase `id`, as keyness shows a term.
        public func shown(_ id: TermID) -> (stem: String, display: String) {
            (keys[Int(id)], display[Int(id)])
        }
    }

    /// A candidate pair at one position of a text: its two words' keys (the stem, or the norm of
    /// a word without one) and where it stands in the text. The spelling is read from the text
    /// when the phrases are counted rather than kept: a run holds every comment's candidates
    /// until then (docs/performance.md).
    public struct Candidate: Sendable, Equatable {
        public var first: String
        public var second: String
        /// UTF-8 offsets in the text: from the first word's start to the second word's end.
        public var start: Int32
        public var end: Int32

        /// `stem₁ stem₂`.
        public var key: String { "\(first) \(second)" }

        /// The pair as written in `text`, the text it was found in.
        public func spelling(in text: String) -> String {
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: Int(start))
            return String(decoding: utf8[from..<utf8.index(from, offsetBy: Int(end - start))], as: UTF8.self)
        }
    }

    /// - Parameter isNoun: whether a stem is a noun (``DisplayForms/isNoun(_:)``).
    public func phrases(tokens: [[Token]], texts: [String], isNoun: (String) -> Bool) -> Phrases {
        phrases(candidates: zip(tokens, texts).map { Self.candidates($0, text: $1) }, texts: texts, isNoun: isNoun)
    }

    /// The phrases among each comment's ``candidates(_:text:)``; `texts` are the texts they were
    /// found in, in the same order. The candidates' keys are counted as strings; the result holds
    /// each comment's phrases as ids.
    public func phrases(candidates all: [[Candidate]], texts: [String], isNoun: (String) -> Bool) -> Phrases {
        precondition(all.count == texts.count, "one candidate list per text")
        let candidates = all.map { list in list.filter { isNoun($0.second) || $0.second.allSatisfy(\.isNumber) } }
        // Per pair key, everything counted of it in one entry: one lookup per candidate, not six.
        struct Pair {
            let first: String
            let second: String
            var count = 0
            var comments = 0
            /// The comment the pair was last counted in (a comment counts once).
            var lastComment = -1
            var spellings: [String: Int] = [:]

            mutating func count(in comment: Int, spelled spelling: String) {
                count += 1
                if lastComment != comment {
                    lastComment = comment
                    comments += 1
                }
                spellings[spelling, default: 0] += 1
            }
        }
        var pairs: [String: Pair] = [:]
        var firstCount: [String: Int] = [:]
        var secondCount: [String: Int] = [:]
        var positions = 0
        for (comment, (list, text)) in zip(candidates, texts).enumerated() {
            for candidate in list {
                // The key is "first second", so a pair's words are those of its first candidate.
                pairs[candidate.key, default: Pair(first: candidate.first, second: candidate.second)].count(
                    in: comment, spelled: candidate.spelling(in: text))
                firstCount[candidate.first, default: 0] += 1
                secondCount[candidate.second, default: 0] += 1
                positions += 1
            }
        }
        var strength: [String: Double] = [:]
        var display: [String: String] = [:]
        for (key, pair) in pairs where pair.comments >= minimumComments {
            let n11 = pair.count
            let n1x = firstCount[pair.first] ?? 0
            let nx1 = secondCount[pair.second] ?? 0
            guard Double(n11) > Double(n1x) * Double(nx1) / Double(positions) else { continue }
            let g2 = KeynessExtractor.logLikelihood(a: n11, b: nx1 - n11, c: n1x, d: positions - n1x)
            guard g2 >= 10.83 else { continue }
            strength[key] = g2
            display[key] =
                pair.spellings.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }?.key ?? key
        }
        let keys = strength.keys.sorted()
        let ids = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, TermID($0)) })
        let perComment = candidates.map { list in TermSet(list.lazy.compactMap { ids[$0.key] }) }
        return Phrases(
            keys: keys, perComment: perComment, display: keys.map { display[$0] ?? $0 }, strength: keys.map { strength[$0] ?? 0 })
    }

    /// The candidate pairs of one text (see the type's rules).
    public static func candidates(_ tokens: [Token], text: String) -> [Candidate] {
        let bytes = Array(text.utf8)
        var result: [Candidate] = []
        for index in tokens.indices.dropLast() {
            let first = tokens[index]
            let second = tokens[index + 1]
            guard KeywordHygiene.isKeywordCandidate(first),
                KeywordHygiene.isKeywordCandidate(second) || second.kind == .number,
                first.end <= second.start, second.end <= bytes.count,
                bytes[first.end..<second.start].allSatisfy({ $0 == 0x20 }), first.end < second.start
            else { continue }
            let firstKey = first.stem.isEmpty ? first.norm : first.stem
            let secondKey = second.stem.isEmpty ? second.norm : second.stem
            result.append(Candidate(first: firstKey, second: secondKey, start: Int32(first.start), end: Int32(second.end)))
        }
        return result
    }
}
