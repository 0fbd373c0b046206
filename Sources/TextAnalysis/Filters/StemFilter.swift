/// Sets the matching key `stem` of every token and of its compound parts.
///
/// Rule for words: `stem = CISTEM(GermanTransliteration(norm))` with hyphens removed first
/// (`start-up-kultur` → `startupkultur`), using case-insensitive CISTEM because comments are
/// often written without capitals. Other kinds keep their norm as key.
public struct StemFilter: TokenFilter {
    public let stemmer: CistemStemmer

    public init(stemmer: CistemStemmer = CistemStemmer(caseInsensitive: true)) {
        self.stemmer = stemmer
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
        return stemmer.stem(scalars: &scalars)
    }
}
