/// Where an input row came from: the file and the line its record starts on (from 1).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One citizen comment as read from the input.
public struct Comment: Sendable, Equatable, Codable {
    /// Stable id: from the input, or `h` + 16 hex digits of a hash of the text when the input has
    /// none (``idWasDerived`` is then true).
    public var id: String
    public var text: String
    /// The goal the comment was posted under, when the input names a goal of the framework.
    public var goal: String?
    /// ISO 8601 date or date-time as given in the input, when it parses.
    public var createdAt: String?
    /// Pseudonym of the author; only ever counted, never printed in reports.
    public var author: String?
    /// The comment this one replies to.
    public var parentID: String?
    /// Gold measure ids, used only by evaluation.
    public var labels: [String]
    /// True when the input carried a labels field for this comment (so `labels == []` is gold
    /// "fits no measure", not "unknown").
    public var labelsGiven: Bool
    /// Further columns of the input, by column name.
    public var metadata: [String: String]
    public var source: SourceLocation
    public var idWasDerived: Bool

    public init(
        id: String, text: String, goal: String? = nil, createdAt: String? = nil, author: String? = nil,
        parentID: String? = nil, labels: [String] = [], labelsGiven: Bool = false, metadata: [String: String] = [:],
        source: SourceLocation, idWasDerived: Bool = false
    ) {
        self.id = id
        self.text = text
        self.goal = goal
        self.createdAt = createdAt
        self.author = author
        self.parentID = parentID
        self.labels = labels
        self.labelsGiven = labelsGiven
        self.metadata = metadata
        self.source = source
        self.idWasDerived = idWasDerived
    }
}

/// An input row that was not accepted, and why.
public struct RejectedRow: Sendable, Equatable, Codable {
    public var source: SourceLocation
    /// The row's id when it had one.
    public var id: String?
    /// Why the row was rejected, in plain words (`empty text`).
    public var reason: String
    /// The start of the row's text, for finding it again (at most 200 characters).
    public var excerpt: String

    public init(source: SourceLocation, id: String?, reason: String, excerpt: String) {
        self.source = source
        self.id = id
        self.reason = reason
        self.excerpt = excerpt
    }
}

/// Something about the input a planner should know: an unknown goal id, a bad date, a row with
/// more cells than the header, a file read as Windows-1252.
public struct IngestWarning: Sendable, Equatable, CustomStringConvertible, Codable {
    /// What kind of thing happened, for counting warnings of one kind together.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case unknownGoal = "unknown_goal"
        case unreadableDate = "unreadable_date"
        case extraCells = "extra_cells"
        case encoding
        case emptyFile = "empty_file"
        case repairedText = "repaired_text"
        case other
    }

    public var source: SourceLocation
    /// The comment concerned, when the warning is about one comment.
    public var id: String?
    public var message: String
    /// Nil in warnings stored before kinds (they count as `other`).
    public var kind: Kind?
    /// The value the warning is about (the goal or date as written), when there is one.
    public var value: String?

    public init(source: SourceLocation, id: String?, message: String, kind: Kind = .other, value: String? = nil) {
        self.source = source
        self.id = id
        self.message = message
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(source): " + (id.map { "comment \($0): " } ?? "") + message }
}

/// Warnings of one kind, counted, with the first few as examples: what the terminal and the
/// reports show instead of one line per row.
public struct WarningSummary: Sendable, Equatable, Codable {
    public static let exampleLimit = 3

    public var kind: IngestWarning.Kind
    public var count: Int
    public var examples: [IngestWarning]

    public init(kind: IngestWarning.Kind, count: Int, examples: [IngestWarning]) {
        self.kind = kind
        self.count = count
        self.examples = examples
    }

    /// One summary per kind, in the order of ``IngestWarning/Kind``, each with its first
    /// ``exampleLimit`` warnings in input order.
    public static func of(_ warnings: [IngestWarning]) -> [WarningSummary] {
        var byKind: [IngestWarning.Kind: [IngestWarning]] = [:]
        for warning in warnings { byKind[warning.kind ?? .other, default: []].append(warning) }
        return IngestWarning.Kind.allCases.compactMap { kind in
            guard let all = byKind[kind] else { return nil }
            return WarningSummary(kind: kind, count: all.count, examples: Array(all.prefix(exampleLimit)))
        }
    }

    /// `12 × unknown goal 'Bildung'; kept without goal (first at export.csv:3; also …)`.
    public var description: String {
        guard let first = examples.first else { return "" }
        let places = examples.map(\.source.description).joined(separator: ", ")
        return count == 1 ? first.description : "\(count) × \(first.message) (at \(places)\(count > examples.count ? ", …" : ""))"
    }
}

/// Which input column was read as which field of a comment, for one file (stderr, report.json).
public struct ColumnUse: Sendable, Equatable, Codable {
    public var file: String
    /// Field (`id`, `text`, `title`, `goal`, `created_at`, `author`, `parent_id`, `labels`) →
    /// the column or key that gave it.
    public var fields: [String: String]
    /// Columns no field took (kept as metadata).
    public var unused: [String]

    public init(file: String, fields: [String: String], unused: [String]) {
        self.file = file
        self.fields = fields
        self.unused = unused
    }

    /// `export.csv: id ← Beitrags-ID, text ← Text, …; not used: Status`.
    public var description: String {
        let order = ["id", "title", "text", "goal", "created_at", "author", "parent_id", "labels"]
        let taken = order.compactMap { field in fields[field].map { "\(field) ← \(Untrusted.quoted($0, limit: 40))" } }
        return "\(file): " + (taken.isEmpty ? "no field found" : taken.joined(separator: ", "))
            + (unused.isEmpty ? "" : "; not used: " + unused.map { Untrusted.quoted($0, limit: 40) }.joined(separator: ", "))
    }
}

/// The outcome of reading comment files: every row read is accepted or rejected.
public struct IngestResult: Sendable, Equatable {
    /// Accepted comments, one per id (the latest row of each).
    public var comments: [Comment]
    public var rejected: [RejectedRow]
    public var warnings: [IngestWarning]
    /// Accepted rows replaced by a later file's row with the same id.
    public var superseded: Int
    /// Which columns each table file gave for which field.
    public var columns: [ColumnUse]

    public init(
        comments: [Comment] = [], rejected: [RejectedRow] = [], warnings: [IngestWarning] = [], superseded: Int = 0,
        columns: [ColumnUse] = []
    ) {
        self.comments = comments
        self.rejected = rejected
        self.warnings = warnings
        self.superseded = superseded
        self.columns = columns
    }

    /// Comments let go of by ``releaseComments()``: still accepted rows.
    public private(set) var releasedComments = 0

    /// Accepted rows: one per comment (held or released), plus the rows later files superseded.
    public var accepted: Int { comments.count + releasedComments + superseded }

    /// Lets go of the comments once they are planned (the store's plan holds what it takes in),
    /// keeping the counts of rows.
    public mutating func releaseComments() {
        releasedComments += comments.count
        comments = []
    }

    /// Rows read = accepted + rejected.
    public var rowsRead: Int { accepted + rejected.count }
}
