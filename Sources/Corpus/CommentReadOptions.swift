/// How to read comment files: encoding, column names, limits.
public struct CommentReadOptions: Sendable, Equatable {
    /// Text encoding of CSV/TSV files.
    public enum Encoding: String, Sendable, CaseIterable {
        /// UTF-8 (a byte-order mark is skipped); Windows-1252 when the bytes are not UTF-8.
        case auto
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
    }

    public var encoding: Encoding
    /// Column for the comment id; by default `id`, `comment_id`, `kommentar_id`.
    public var idColumn: String?
    /// Column for the text; by default `text`, `comment`, `kommentar`, `beitrag`, `body`, `inhalt`.
    public var textColumn: String?
    /// Column for the goal; by default `goal`, `ziel`.
    public var goalColumn: String?
    /// Column for the date; by default `created_at`, `date`, `datum`.
    public var dateColumn: String?
    /// Longer texts are rejected (characters).
    public var maximumTextLength: Int

    public init(
        encoding: Encoding = .auto, idColumn: String? = nil, textColumn: String? = nil,
        goalColumn: String? = nil, dateColumn: String? = nil, maximumTextLength: Int = 20_000
    ) {
        self.encoding = encoding
        self.idColumn = idColumn
        self.textColumn = textColumn
        self.goalColumn = goalColumn
        self.dateColumn = dateColumn
        self.maximumTextLength = maximumTextLength
    }
}

/// The fields of the comments contract (interface.md) and the header names that mean each.
enum CommentField: String, CaseIterable {
    case id, text, goal, createdAt = "created_at", author, parentID = "parent_id", labels

    /// Header names recognised without a mapping option, compared case-insensitively.
    var defaultNames: [String] {
        switch self {
        case .id: return ["id", "comment_id", "kommentar_id"]
        case .text: return ["text", "comment", "kommentar", "beitrag", "body", "inhalt"]
        case .goal: return ["goal", "ziel"]
        case .createdAt: return ["created_at", "date", "datum"]
        case .author: return ["author", "autor"]
        case .parentID: return ["parent_id", "reply_to", "antwort_auf"]
        case .labels: return ["labels"]
        }
    }
}
