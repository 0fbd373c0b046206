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
        var key = norm.filter { !$0.isWhitespace }
        while key.hasSuffix(".") { key.removeLast() }
        return key
    }
}
