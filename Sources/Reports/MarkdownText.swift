import Corpus
import Foundation

/// Makes text from the input safe inside Markdown, so a comment, an id or a file name cannot
/// break a table, start a heading, or inject a link, an image or HTML.
///
/// Rules: control characters first become `�` (``Untrusted/printable(_:lineBreaks:)``); then
/// `\` `` ` `` `*` `_` `[` `]` `|` `#` `!` `~` `<` `>` are escaped with a backslash, except that `<`
/// and `>` become `&lt;` and `&gt;` (GitLab renders raw HTML otherwise); in a table cell newlines
/// become spaces; in a quote every line starts with `> ` and line breaks become paragraph
/// breaks. Escaping goes scalar by scalar. An identifier is shown as inline code only when it is
/// printable ASCII without `` ` `` `<` `>` `|` `\` (a backtick would close the code span, and inside
/// one nothing can be escaped); otherwise it is escaped text like any other.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        let text = Untrusted.printable(text)
        // Scalar by scalar: a combining mark after `[` makes one Character of the two, which a
        // Character-wise escape would miss while a CommonMark parser still sees the `[`.
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~":
                result.append("\\")
                result.append(scalar)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// An identifier from the input (a comment id, a file name): `` `id` `` when it is printable
    /// ASCII without `` ` `` `<` `>` `|` `\` (the usual ids: `c-0042`, `h1a2…`), else the escaped
    /// text (see the type's rules). Anything else in a code span could end it or attach to its
    /// backticks: a combining mark right after the opening backtick makes Ink skip the span. Line
    /// breaks become spaces, as in a table cell.
    public static func code(_ identifier: String) -> String {
        // On one line: a line break would end the table row or list item the identifier stands in.
        let identifier =
            identifier.contains(where: \.isNewline)
            ? identifier.split(whereSeparator: \.isNewline).joined(separator: " ") : identifier
        let plain =
            !identifier.isEmpty
            && identifier.unicodeScalars.allSatisfy { scalar in
                (0x21...0x7E).contains(scalar.value) && !"`<>|\\".unicodeScalars.contains(scalar)
            }
        return plain ? "`" + identifier + "`" : inline(identifier)
    }

    /// Text for a table cell: escaped, on one line, shortened to `limit` characters.
    public static func cell(_ text: String, limit: Int = 160) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let short = oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
        return inline(short)
    }

    /// A block quote of the whole text; every line break of the text starts a new paragraph of
    /// the quote (Markdown would otherwise run the lines together).
    public static func quote(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { "> " + inline($0) }
            .joined(separator: "\n>\n")
    }
}
