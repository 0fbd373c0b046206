/// Input files Resonanz cannot use: each case names the file and, where there is one, the line.
public enum CorpusError: Error, Equatable, CustomStringConvertible {
    /// A file or folder that does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The framework is not valid YAML or JSON.
    case frameworkSyntax(path: String, line: Int, column: Int, message: String)
    /// The framework parses but breaks a rule (unknown key, duplicate id, empty title, …).
    case frameworkInvalid(path: String, line: Int, key: String, reason: String)
    /// A comments table without a column for the comment text.
    case missingTextColumn(path: String, columnsFound: [String])
    /// A column given for a field (by an option or a mapping file) that the table does not have.
    case missingMappedColumn(path: String, option: String, column: String, columnsFound: [String])
    /// Bytes that are not text in the chosen encoding.
    case undecodable(path: String, encoding: String)
    /// A comments path whose format is not known from its extension.
    case unsupportedFormat(path: String)
    /// A review file without the columns `comment_id`, `measure_id` and `decision`.
    case missingReviewColumns(path: String, columnsFound: [String])

    /// At most this many columns are named in a message, each shortened (``Untrusted/quoted(_:limit:)``).
    static let columnsShown = 12

    static func columnList(_ columns: [String]) -> String {
        columns.prefix(columnsShown).map { Untrusted.quoted($0, limit: 40) }.joined(separator: ", ")
            + (columns.count > columnsShown ? " and \(columns.count - columnsShown) more" : "")
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .frameworkSyntax(let path, let line, let column, let message):
            return "\(path):\(line):\(column): not valid YAML/JSON: \(message)"
        case .frameworkInvalid(let path, let line, let key, let reason):
            return "\(path):\(line): \(key): \(reason)"
        case .missingTextColumn(let path, let columns):
            return "\(path):1: no text column; found columns: \(Self.columnList(columns))"
                + " (give the text column's name for the field text)"
        case .missingMappedColumn(let path, let option, let column, let columns):
            return "\(path):1: the column \(Untrusted.quoted(column)) given for \(option) is not in the file; found: "
                + Self.columnList(columns)
        case .undecodable(let path, let encoding):
            return "\(path): not valid \(encoding) text (choose another encoding)"
        case .unsupportedFormat(let path):
            return "\(path): unknown comments format; use .csv, .tsv, .jsonl or a folder of .txt files"
        case .missingReviewColumns(let path, let columns):
            return "\(path):1: a review file needs the columns comment_id, measure_id and decision; found: "
                + Self.columnList(columns)
        }
    }
}
