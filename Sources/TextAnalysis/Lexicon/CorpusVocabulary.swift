/// How often each normalised word occurs in the corpus being analysed.
///
/// Counts come from the front of the German chain (tokenizer, gender forms, case folding), so
/// they are keyed by `norm`. The compound splitter and the feminine-suffix rule use them as the
/// corpus half of their evidence; the shipped lexicon is the other half.
public struct CorpusVocabulary: Sendable, Equatable {
    /// Occurrences per normalised word.
    public private(set) var counts: [String: Int]
    /// Occurrences written with a capital first letter, per normalised word.
    public private(set) var capitalized: [String: Int]

    public init(counts: [String: Int] = [:], capitalized: [String: Int] = [:]) {
        self.counts = counts
        self.capitalized = capitalized
    }

    /// Counts the word tokens of one text.
    public mutating func add(_ tokens: [Token]) {
        for token in tokens where token.kind == .word { add(token, occurrences: 1) }
    }

    /// Counts a word token `occurrences` times (other kinds are not counted).
    public mutating func add(_ token: Token, occurrences: Int) {
        guard token.kind == .word else { return }
        counts[token.norm, default: 0] += occurrences
        if Self.startsWithCapital(token.surface) { capitalized[token.norm, default: 0] += occurrences }
    }

    /// `text.first?.isUppercase == true`, answered from the bytes when the first character is
    /// one ASCII scalar (an ASCII byte followed by another or by nothing; CR LF is no letter).
    static func startsWithCapital(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80, (bytes.next() ?? 0) < 0x80 {
            return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        }
        return text.first?.isUppercase == true
    }

    /// Adds the counts of another vocabulary (for merging per-worker shards).
    public mutating func merge(_ other: CorpusVocabulary) {
        counts.merge(other.counts, uniquingKeysWith: +)
        capitalized.merge(other.capitalized, uniquingKeysWith: +)
    }

    /// True when at least half of the occurrences of `norm` start with a capital letter, which in
    /// German marks a noun (also in the middle of a sentence).
    public func isMostlyCapitalized(_ norm: String) -> Bool {
        let total = count(of: norm)
        return total > 0 && 2 * (capitalized[norm] ?? 0) >= total
    }

    /// How often `norm` occurs.
    public func count(of norm: String) -> Int { counts[norm] ?? 0 }

    public static let empty = CorpusVocabulary()
}
