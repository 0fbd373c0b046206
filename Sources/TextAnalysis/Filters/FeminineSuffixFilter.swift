/// Folds plain feminine forms onto the masculine base word, after case folding.
///
/// Rule: a word ending in `innen` (at least 8 letters) or `in` (at least 6 letters) becomes its
/// base (the word without the ending) when the base, or the base plus `e`, is a known word
/// (``Lexicon/isKnown(_:)``), or the base is an agent noun in `-er` of a known word
/// (`informatikerinnen` → `informatiker`, since `informatik` is known; `jenaerinnen` → `jenaer`),
/// and the word is not in the exception list
/// (`bürgerinnen` → `bürger`, `kolleginnen` → `kolleg`, `expertinnen` → `expert`, since
/// `experte` is known). The exception list keeps words whose `-in` is no feminine ending
/// (`termin`, `benzin`, `medizin`); the known-base test keeps `maschinen` or `gewinnen`, whose
/// bases are no words.
public struct FeminineSuffixFilter: TokenFilter {
    public let lexicon: Lexicon
    public let exceptions: Set<String>

    public init(lexicon: Lexicon, exceptions: Set<String>) {
        self.lexicon = lexicon
        self.exceptions = exceptions
    }

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind == .word {
            if let base = base(of: tokens[index].norm) {
                tokens[index].norm = base
                tokens[index].foldedGenderForm = true
            }
        }
    }

    /// The masculine base of a feminine form, or nil.
    public func base(of word: String) -> String? {
        // A byte test for the two endings spares most words the letter and exception tests (a
        // word whose last characters are `i` `n` always ends in these bytes, and so for `innen`).
        let bytes = word.utf8
        guard bytes.reversed().starts(with: "ni".utf8) || bytes.reversed().starts(with: "nenni".utf8) else { return nil }
        guard !exceptions.contains(word), word.allSatisfy(\.isLetter) else { return nil }
        let length = word.unicodeScalars.count
        let base: Substring
        if word.hasSuffix("innen") && length >= 8 {
            base = word.dropLast(5)
        } else if word.hasSuffix("in") && length >= 6 {
            base = word.dropLast(2)
        } else {
            return nil
        }
        let candidate = String(base)
        let agentNoun = candidate.hasSuffix("er") && candidate.count >= 5 && lexicon.isKnown(String(candidate.dropLast(2)))
        guard lexicon.isKnown(candidate) || lexicon.isKnown(candidate + "e") || agentNoun else { return nil }
        return candidate
    }
}
