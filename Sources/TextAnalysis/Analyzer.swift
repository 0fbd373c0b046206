/// A tokenizer followed by token filters, applied in order.
public struct Analyzer: Sendable {
    public let tokenizer: ICUWordTokenizer
    public let filters: [any TokenFilter]

    public init(tokenizer: ICUWordTokenizer = ICUWordTokenizer(), filters: [any TokenFilter]) {
        self.tokenizer = tokenizer
        self.filters = filters
    }

    /// Tokenizes `text` with the caller's ICU session and applies every filter.
    public func analyze(_ text: String, session: WordBreakSession) throws(TextAnalysisError) -> [Token] {
        var tokens = try tokenizer.tokenize(text, session: session)
        apply(to: &tokens)
        return tokens
    }

    /// Applies the filters alone to tokens that an earlier chain produced.
    public func apply(to tokens: inout [Token]) {
        for filter in filters {
            filter.apply(to: &tokens)
        }
    }
}
