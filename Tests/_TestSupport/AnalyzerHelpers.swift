import Analytics
import Testing
import TextAnalysis

/// Helpers that run the German chain the way `resonanz tokenize` does.
public enum AnalyzerHelpers {
    /// Tokens of `text` analysed alone with the shipped resources.
    public static func analyze(_ text: String) -> [Token] {
        do {
            return try Analyzer.analyzeGerman(text, resources: Fixtures.resources)
        } catch {
            // The test fails (it gets no tokens and the issue names the error); the others run on.
            Issue.record("analysis of \(text.debugDescription) failed: \(error)")
            return []
        }
    }

    /// The first token whose surface is `surface`.
    public static func token(_ surface: String, in text: String) -> Token? {
        analyze(text).first { $0.surface == surface }
    }

    /// Tokens from the tokenizer alone.
    public static func tokenize(_ text: String) -> [Token] {
        do {
            return try ICUWordTokenizer().tokenize(text)
        } catch {
            Issue.record("tokenizing \(text.debugDescription) failed: \(error)")
            return []
        }
    }

    /// Tokens after the given filters, on the output of `tokenizer` (ICU's unless told).
    public static func filter(_ text: String, _ filters: [any TokenFilter], tokenizer: (any Tokenizer)? = nil) -> [Token] {
        var tokens: [Token]
        if let tokenizer {
            do {
                tokens = try tokenizer.tokenize(text)
            } catch {
                Issue.record("tokenizing \(text.debugDescription) failed: \(error)")
                tokens = []
            }
        } else {
            tokens = tokenize(text)
        }
        for filter in filters { filter.apply(to: &tokens) }
        return tokens
    }
}

extension AnalyzerHelpers {
    /// Each of `texts` analysed alone, its matching terms numbered in one vocabulary of them all,
    /// as a run numbers its comments and measure texts.
    public static func numbered(_ texts: [String]) -> (vocabulary: TermVocabulary, bags: [TermBag]) {
        TermVocabulary.bags(texts.map { TextTerms(tokens: analyze($0)) })
    }
}
