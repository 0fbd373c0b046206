/// Marks stopwords and abbreviations; they stay in the token list with `isStopword` set.
///
/// Rules: a word is a stopword when its `norm` is in `stopwords` (after case folding: `Dass`,
/// `DASS` and `dass` all match), or when its abbreviation key is in `abbreviations`. The
/// abbreviation key is the norm without spaces and trailing dots (`z. B.` → `z.b`,
/// `bzw.` → `bzw`). Numbers, addresses and emoji are never stopwords.
public struct StopwordFilter: TokenFilter {
    public let stopwords: Set<String>
    public let abbreviations: Set<String>

    public init(stopwords: Set<String>, abbreviations: Set<String> = []) {
        self.stopwords = stopwords
        self.abbreviations = Set(abbreviations.map(Self.abbreviationKey))
    }

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind == .word {
            let norm = tokens[index].norm
            if stopwords.contains(norm) || abbreviations.contains(Self.abbreviationKey(norm)) {
                tokens[index].isStopword = true
            }
        }
    }

    static func abbreviationKey(_ norm: String) -> String {
        // Most norms have no whitespace and no final dot, so the key is the norm itself. Only
        // bytes below `!` and the lead bytes C2, E1, E2 and E3 can begin a whitespace character
        // (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
        if norm.utf8.last != UInt8(ascii: "."),
            !norm.utf8.contains(where: { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 })
        {
            return norm
        }
        var key = norm.filter { !$0.isWhitespace }
        while key.hasSuffix(".") { key.removeLast() }
        return key
    }
}
