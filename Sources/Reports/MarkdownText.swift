import Foundation

/// Makes comment text safe inside Markdown, so a comment cannot break a table, start a heading,
/// or inject a link, an image or HTML.
///
/// Rules: `\` `` ` `` `*` `_` `[` `]` `|` `#` `!` `~` `<` `>` are escaped with a backslash, except
/// that `<` and `>` become `&lt;` and `&gt;` (GitLab renders raw HTML otherwise); in a table cell
/// newlines become spaces; in a quote every line starts with `> ` and
/// line breaks become paragraph breaks.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
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
