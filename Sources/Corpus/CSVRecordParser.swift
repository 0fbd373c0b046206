/// Splits CSV text into records by RFC 4180, keeping the line every record starts on and
/// reporting broken quoting instead of guessing.
///
/// Rules:
/// - fields are separated by the delimiter; a record ends at LF, CRLF or CR outside quotes;
/// - a field that starts with `"` is quoted: it runs to the next `"` not followed by another
///   `"` (`""` is a literal quote) and may hold delimiters and line breaks;
/// - after a closing quote only a delimiter or the end of the record may follow; other text
///   marks the record as malformed (`"Radwege" sind gut`), and the record is read on to its end;
/// - a quoted field still open at the end of the text, or one that spans lines and is then
///   followed by more text (its closing quote belongs to a later row), marks its record as
///   malformed; the record then ends at the end of the line the quote opened on, so the rows
///   after it are read as rows of their own and nothing disappears into one giant field;
/// - a `"` inside an unquoted field is kept as text (`Er sagte "hallo"`), as spreadsheets do.
/// Lines without any character are no records.
struct CSVRecordParser {
    struct Record: Equatable {
        /// Line (from 1) the record starts on.
        var line: Int
        /// Line the record ends on (later than `line` when a quoted field holds line breaks).
        var endLine: Int
        var fields: [String]
        /// Why the record is malformed, when it is.
        var problem: String?
    }

    let delimiter: Unicode.Scalar

    func records(_ text: String) -> [Record] {
        // Unicode scalars, not Characters: a quote or delimiter followed by a combining mark is
        // one Character (`"` + U+0300) and would no longer be seen as a quote or a delimiter.
        let scalars = Array(text.unicodeScalars)
        var records: [Record] = []
        var index = 0
        var line = 1
        while index < scalars.count {
            let (record, next, nextLine) = parseRecord(scalars, from: index, line: line)
            if !(record.fields.count == 1 && record.fields[0].isEmpty && record.problem == nil) {
                records.append(record)
            }
            index = next
            line = nextLine
        }
        return records
    }

    /// The length of the line break at `index` (2 for CRLF, 1 for LF or CR), or 0 when there is none.
    private func lineBreak(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        switch scalars[index] {
        case "\n": 1
        case "\r": index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
        default: 0
        }
    }

    /// One record from `start`; returns it, the index after it and the line after it.
    private func parseRecord(_ scalars: [Unicode.Scalar], from start: Int, line: Int) -> (Record, Int, Int) {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var problem: String? = nil
        var index = start
        var currentLine = line
        while true {
            guard index < scalars.count else {
                fields.append(String(field))
                return (Record(line: line, endLine: currentLine, fields: fields, problem: problem), index, currentLine)
            }
            let scalar = scalars[index]
            if scalar == "\"" && field.isEmpty {
                // A quoted field.
                var cursor = index + 1
                var content = String.UnicodeScalarView()
                var closed = false
                var linesInside = 0
                while cursor < scalars.count {
                    let inner = scalars[cursor]
                    if inner == "\"" {
                        if cursor + 1 < scalars.count && scalars[cursor + 1] == "\"" {
                            content.append("\"")
                            cursor += 2
                            continue
                        }
                        closed = true
                        cursor += 1
                        break
                    }
                    let breakLength = lineBreak(scalars, at: cursor)
                    if breakLength > 0 {
                        linesInside += 1
                        content.append(contentsOf: scalars[cursor..<cursor + breakLength])
                        cursor += breakLength
                        continue
                    }
                    content.append(inner)
                    cursor += 1
                }
                // Unclosed, or closed only lines later by a quote that is followed by more text (so
                // the closing quote belongs to some later row): take the quote as text up to the
                // end of its line, reject this row, and read the next lines as rows of their own.
                let closesLater = closed && linesInside > 0 && strayTextFollows(scalars, at: cursor)
                if !closed || closesLater {
                    problem =
                        problem
                        ?? (closed
                            ? "quote opened on line \(currentLine) is closed only on a later line, inside another row"
                            : "quote opened on line \(currentLine) is never closed")
                    var end = index + 1
                    var rest = String.UnicodeScalarView(["\""])
                    while end < scalars.count && lineBreak(scalars, at: end) == 0 {
                        rest.append(scalars[end])
                        end += 1
                    }
                    fields.append(String(field) + String(rest))
                    let next = end < scalars.count ? end + lineBreak(scalars, at: end) : end
                    return (Record(line: line, endLine: currentLine, fields: fields, problem: problem), next, currentLine + 1)
                }
                currentLine += linesInside
                field = content
                index = cursor
                // After the closing quote: delimiter, line break or end; anything else is malformed.
                var strayText = String.UnicodeScalarView()
                while index < scalars.count && scalars[index] != delimiter && lineBreak(scalars, at: index) == 0 {
                    strayText.append(scalars[index])
                    index += 1
                }
                if !strayText.isEmpty {
                    problem = problem ?? "text after the closing quote on line \(currentLine)"
                    field = ("\"" + String(field) + "\"" + String(strayText)).unicodeScalars
                }
                continue
            }
            if scalar == delimiter {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                index += 1
                continue
            }
            let breakLength = lineBreak(scalars, at: index)
            if breakLength > 0 {
                fields.append(String(field))
                return (
                    Record(line: line, endLine: currentLine, fields: fields, problem: problem), index + breakLength,
                    currentLine + 1
                )
            }
            field.append(scalar)
            index += 1
        }
    }

    /// True when text other than a delimiter or a line break follows position `index`.
    private func strayTextFollows(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index < scalars.count && scalars[index] != delimiter && lineBreak(scalars, at: index) == 0
    }
}
