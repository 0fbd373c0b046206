/// Turns a text into tokens with their byte ranges (``Token/start``, ``Token/end``) and kinds;
/// the filters of an ``Analyzer`` work on what it gives.
public protocol Tokenizer: Sendable {
    func tokenize(_ text: String) throws(TextAnalysisError) -> [Token]
}

extension ICUWordTokenizer: Tokenizer {}

/// A tokenizer without ICU, for a filter's unit test and for texts that come tokenized.
///
/// Rule: a token is a run of characters between white space, without the punctuation
/// `, ; : ! ? " „ “ ” ( )` and a final `.` at its edges (inside it stays: `Bürger:innen`,
/// `Tempo-30-Zone`, and a bracket whose partner is inside: `Bürger(innen)`); its kind is `number` when it holds digits and nothing but `.` and `,`
/// beside them, `word` when it holds a letter, else `other`; a word that starts or ends with `-`
/// is a suspended hyphen (``SuspendedHyphen``), as the ICU tokenizer marks it. Offsets are UTF-8
/// bytes.
public struct WhitespaceTokenizer: Tokenizer {
    public init() {}

    static let edge: Set<Character> = [",", ";", ":", "!", "?", "\"", "„", "“", "”", "(", ")", "."]

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        for piece in text.split(whereSeparator: \.isWhitespace) {
            var word = piece
            // A bracket stays when its partner is inside the word (`Bürger(innen)`).
            while let first = word.first, Self.edge.contains(first), first != "(" || !word.contains(")") {
                word = word.dropFirst()
            }
            while let last = word.last, Self.edge.contains(last), last != ")" || !word.dropLast().contains("(") {
                word = word.dropLast()
            }
            guard !word.isEmpty else { continue }
            let digits = word.contains { $0.isNumber } && word.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            let kind: TokenKind = digits ? .number : word.contains { $0.isLetter } ? .word : .other
            let start = text.utf8.distance(from: text.startIndex, to: word.startIndex)
            var token = Token(surface: String(word), start: start, end: start + word.utf8.count, kind: kind)
            if kind == .word, word.count > 1 {
                token.suspendedHyphen = word.first == "-" ? .leading : word.last == "-" ? .trailing : nil
            }
            tokens.append(token)
        }
        return tokens
    }
}
