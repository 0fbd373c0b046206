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

    let delimiter: Character

    func records(_ text: String) -> [Record] {
        let characters = Array(text)
        var records: [Record] = []
        var index = 0
        var line = 1
        while index < characters.count {
            let (record, next, nextLine) = parseRecord(characters, from: index, line: line)
            if !(record.fields.count == 1 && record.fields[0].isEmpty && record.problem == nil) {
                records.append(record)
            }
            index = next
            line = nextLine
        }
        return records
    }

    private func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// One record from `start`; returns it, the index after it and the line after it.
    private func parseRecord(_ characters: [Character], from start: Int, line: Int) -> (Record, Int, Int) {
        var fields: [String] = []
        var field = ""
        var problem: String? = nil
        var index = start
        var currentLine = line
        while true {
            guard index < characters.count else {
                fields.append(field)
                return (Record(line: line, endLine: currentLine, fields: fields, problem: problem), index, currentLine)
            }
            let character = characters[index]
            if character == "\"" && field.isEmpty {
                // A quoted field.
                var cursor = index + 1
                var content = ""
                var closed = false
                var linesInside = 0
                while cursor < characters.count {
                    let inner = characters[cursor]
                    if inner == "\"" {
                        if cursor + 1 < characters.count && characters[cursor + 1] == "\"" {
                            content.append("\"")
                            cursor += 2
                            continue
                        }
                        closed = true
                        cursor += 1
                        break
                    }
                    if isLineBreak(inner) { linesInside += 1 }
                    content.append(inner)
                    cursor += 1
                }
                // Unclosed, or closed only lines later by a quote that is followed by more text (so
                // the closing quote belongs to some later row): take the quote as text up to the
                // end of its line, reject this row, and read the next lines as rows of their own.
                let closesLater = closed && linesInside > 0 && strayTextFollows(characters, at: cursor)
                if !closed || closesLater {
                    problem =
                        problem
                        ?? (closed
                            ? "quote opened on line \(currentLine) is closed only on a later line, inside another row"
                            : "quote opened on line \(currentLine) is never closed")
                    var end = index + 1
                    var rest = "\""
                    while end < characters.count && !isLineBreak(characters[end]) {
                        rest.append(characters[end])
                        end += 1
                    }
                    fields.append(field + rest)
                    let next = end < characters.count ? end + 1 : end
                    return (Record(line: line, endLine: currentLine, fields: fields, problem: problem), next, currentLine + 1)
                }
                currentLine += linesInside
                field = content
                index = cursor
                // After the closing quote: delimiter, line break or end; anything else is malformed.
                var strayText = ""
                while index < characters.count && characters[index] != delimiter && !isLineBreak(characters[index]) {
                    strayText.append(characters[index])
                    index += 1
                }
                if !strayText.isEmpty {
                    problem = problem ?? "text after the closing quote on line \(currentLine)"
                    field = "\"" + field + "\"" + strayText
                }
                continue
            }
            if character == delimiter {
                fields.append(field)
                field = ""
                index += 1
                continue
            }
            if isLineBreak(character) {
                fields.append(field)
                return (Record(line: line, endLine: currentLine, fields: fields, problem: problem), index + 1, currentLine + 1)
            }
            field.append(character)
            index += 1
        }
    }

    /// True when text other than a delimiter or a line break follows position `index`.
    private func strayTextFollows(_ characters: [Character], at index: Int) -> Bool {
        index < characters.count && characters[index] != delimiter && !isLineBreak(characters[index])
    }
}
