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
    /// Column (or JSON key) for each field, overriding the usual names (``CommentField``).
    public var idColumn: String?
    public var textColumn: String?
    public var goalColumn: String?
    public var dateColumn: String?
    public var authorColumn: String?
    public var parentColumn: String?
    /// A title column, joined before the text with a blank line between.
    public var titleColumn: String?
    /// Longer texts are rejected (characters).
    public var maximumTextLength: Int
    /// How dates are read (``DateReader``): a pattern for dates in no usual form, and the time
    /// zone of local times.
    public var dates: DateReader

    public init(
        encoding: Encoding = .auto, idColumn: String? = nil, textColumn: String? = nil,
        goalColumn: String? = nil, dateColumn: String? = nil, authorColumn: String? = nil, parentColumn: String? = nil,
        titleColumn: String? = nil, maximumTextLength: Int = 20_000, dates: DateReader = DateReader()
    ) {
        self.encoding = encoding
        self.idColumn = idColumn
        self.textColumn = textColumn
        self.goalColumn = goalColumn
        self.dateColumn = dateColumn
        self.authorColumn = authorColumn
        self.parentColumn = parentColumn
        self.titleColumn = titleColumn
        self.maximumTextLength = maximumTextLength
        self.dates = dates
    }

    /// The column an option names for `field`, if any.
    func column(for field: CommentField) -> String? {
        switch field {
        case .id: return idColumn
        case .text: return textColumn
        case .goal: return goalColumn
        case .createdAt: return dateColumn
        case .author: return authorColumn
        case .parentID: return parentColumn
        case .title: return titleColumn
        case .labels: return nil
        }
    }
}

/// The fields of the comments contract (interface.md) and the header names that mean each.
enum CommentField: String, CaseIterable {
    case id, title, text, goal
    case createdAt = "created_at"
    case author
    case parentID = "parent_id"
    case labels

    /// Header names recognised without a mapping, the usual names of German participation
    /// platforms and of English exports; compared by ``FieldMapping/key(_:)`` (case, spaces,
    /// hyphens, slashes, dots and underscores do not count), the first found in this order wins.
    var defaultNames: [String] {
        switch self {
        case .id:
            return [
                "id", "comment_id", "kommentar_id", "beitrags_id", "beitrag_id", "beitragsnummer", "beitragsnr",
                "kommentarnummer", "vorschlags_id", "vorschlagsnummer", "post_id", "contribution_id", "nr", "nummer", "lfd_nr",
            ]
        case .title: return ["titel", "title", "überschrift", "ueberschrift", "betreff", "subject"]
        case .text:
            return [
                "text", "comment", "kommentar", "beitrag", "beitragstext", "kommentartext", "body", "inhalt",
                "stellungnahme", "anmerkung", "vorschlag", "beschreibung", "nachricht", "message", "content", "freitext",
            ]
        case .goal: return ["goal", "goal_id", "ziel", "ziel_id", "zielid", "handlungsziel", "ziel_titel"]
        case .createdAt:
            return [
                "created_at", "date", "datum", "erstellt_am", "erstellt", "eingangsdatum", "eingegangen_am",
                "veröffentlicht_am", "veroeffentlicht_am", "zeitpunkt", "datum_uhrzeit", "timestamp", "created",
            ]
        case .author:
            return [
                "author", "autor", "autor_in", "autorin", "verfasser", "verfasser_in", "verfasserin", "name",
                "nutzername", "benutzername", "username", "pseudonym", "nickname",
            ]
        case .parentID:
            return ["parent_id", "reply_to", "antwort_auf", "in_antwort_auf", "bezug", "bezug_auf", "parent"]
        case .labels: return ["labels"]
        }
    }
}
