import Foundation

/// Parses word lists in the Snowball format that Lucene and the Snowball project use.
///
/// Format: UTF-8 text; `|` starts a comment that runs to the end of the line; a line may hold
/// several words separated by whitespace; blank lines are ignored. Entries are returned in file
/// order, each passed through ``CaseFoldingFilter/fold(_:)`` so that they meet the tokens in the
/// form the analyzer compares them in (Lucene's advice: a list must be in the normal form of the
/// tokens it meets).
public enum Wordlist {
    /// The entries of the word list at `url`.
    public static func load(_ url: URL) throws(TextAnalysisError) -> [String] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableWordList(path: url.path, reason: error.localizedDescription)
        }
        return parse(text)
    }

    /// The entries of a word list given as text. Lines are read scalar by scalar where that is
    /// the same as reading them `Character` by `Character` (``PlainText``).
    public static func parse(_ text: String) -> [String] {
        var entries: [String] = []
        for line in PlainText.lines(text) {
            guard PlainText.isSingleScalar(line) else {
                let content = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for word in content.split(whereSeparator: \.isWhitespace) {
                    entries.append(CaseFoldingFilter.fold(String(word)))
                }
                continue
            }
            let content = line.utf8.firstIndex(of: UInt8(ascii: "|")).map { String(line[..<$0]) } ?? line
            for word in PlainText.split(content, where: PlainText.isWhitespace) {
                entries.append(CaseFoldingFilter.fold(word))
            }
        }
        return entries
    }
}
