/// Text that came from an input file (an id, a goal value, a file name, a comment), made safe to
/// show to a person: on a terminal, in a message, in a report.
///
/// Rules:
/// - ``printable(_:lineBreaks:)``: every control character (Unicode category Cc: U+0000–U+001F,
///   U+007F, U+0080–U+009F), the line and paragraph separators U+2028/U+2029 and the
///   bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become
///   U+FFFD `�`. With `lineBreaks`, `\n` and `\t` stay and `\r\n` becomes `\n`; a lone `\r`
///   becomes `\n` too. So no escape sequence reaches a terminal (`ESC ] 0 ; … BEL` sets its
///   title), no NUL reaches a file, and no reordering hides what a text says.
/// - ``quoted(_:limit:)``: printable, on one line, at most `limit` characters (then `…`), in single
///   quotes: what an error message or a warning says about a value, so a file of a million BOMs
///   gives a short line.
public enum Untrusted {
    /// The replacement for a character that must not be shown as it is.
    public static let replacement: Character = "\u{FFFD}"

    /// `text` with control, separator and bidi characters replaced (see the type's rules).
    public static func printable(_ text: String, lineBreaks: Bool = false) -> String {
        guard needsWork(text.utf8, lineBreaks: lineBreaks) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if lineBreaks {
                if scalar == "\n" {
                    if !previousWasCR { result.append("\n") }
                    continue
                }
                if scalar == "\r" {
                    result.append("\n")
                    continue
                }
                if scalar == "\t" {
                    result.append(scalar)
                    continue
                }
            }
            result.append(isHidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    /// `'value'`, printable, on one line and shortened to `limit` characters.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        "'" + shortened(printable(text), limit: limit) + "'"
    }

    /// `text` cut to `limit` characters with `…` after it when it was longer. Counts no further
    /// than `limit + 1` characters, so a 300 KB value costs what an 80-character one does.
    public static func shortened(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var end = text.startIndex
        var count = 0
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        return end == text.endIndex ? text : String(text[..<end]) + "…"
    }

    /// Whether `scalar` is one the rules replace.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether `text` holds any character ``isHidden(_:)`` names (with `lineBreaks`, other than
    /// `\n` and `\t`): a byte scan for C0 and DEL, and for the bytes of C1 (`C2 80`–`C2 9F`) and of
    /// U+2028–U+202E, U+2066–U+2069 (`E2 80 A8`…), so most texts are passed over without decoding.
    static func needsWork(_ bytes: String.UTF8View, lineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 && !(lineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (0xA8...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
