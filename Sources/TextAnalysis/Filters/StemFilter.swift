/// Sets the matching key `stem` of every token and of its compound parts.
///
/// Rule for words: `stem = CISTEM(GermanTransliteration(norm))` with hyphens removed first
/// (`start-up-kultur` → `startupkultur`), using case-insensitive CISTEM because comments are
/// often written without capitals; CISTEM's dropping of a leading `ge` is left out for the words
/// of `nounsWithGe`, nouns whose `ge` is part of the word (`gefahr`, `gemeinde`, `gebühren`), and
/// for compounds that begin with one (``keepsGe(_:)``), so `Gefahr` keeps the key `gefahr` and no
/// longer meets `fahren` (`fahr`). Other kinds keep their norm as key.
public struct StemFilter: TokenFilter {
    public let stemmer: CistemStemmer
    /// Normalised nouns beginning with `ge` (the noun lexicon's, ``nouns(beginningWithGe:)``).
    public let nounsWithGe: Set<String>

    public init(stemmer: CistemStemmer = CistemStemmer(caseInsensitive: true), nounsWithGe: Set<String> = []) {
        self.stemmer = stemmer
        self.nounsWithGe = nounsWithGe
    }

    /// The words of `lexicon` that begin with `ge`.
    public static func nouns(beginningWithGe lexicon: Set<String>) -> Set<String> {
        lexicon.filter { $0.hasPrefix("ge") }
    }

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices {
            guard tokens[index].kind == .word else {
                tokens[index].stem = tokens[index].norm
                continue
            }
            tokens[index].stem = key(tokens[index].norm)
            for part in tokens[index].parts.indices {
                tokens[index].parts[part].stem = key(tokens[index].parts[part].norm)
            }
        }
    }

    /// The matching key of a normalised word.
    public func key(_ norm: String) -> String {
        let joined = norm.utf8.contains(UInt8(ascii: "-")) ? norm.filter { $0 != "-" } : norm
        // The transliterated scalars go to the stemmer without a string in between.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(joined.utf8.count + 2)
        GermanTransliteration.fold(joined, into: &scalars)
        return stemmer.stem(scalars: &scalars, dropPrefix: !keepsGe(joined))
    }

    /// Whether `word` is one of ``nounsWithGe``, or a compound that begins with one (a noun of at
    /// least six letters followed by at least three more: `gefahrenstelle`, `gemeinderat`).
    func keepsGe(_ word: String) -> Bool {
        guard !nounsWithGe.isEmpty, word.utf8.starts(with: "ge".utf8) else { return false }
        if nounsWithGe.contains(word) { return true }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 9 else { return false }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[..<5])
        for scalar in scalars[5..<(scalars.count - 3)] {
            prefix.append(scalar)
            if nounsWithGe.contains(String(prefix)) { return true }
        }
        return false
    }
}
