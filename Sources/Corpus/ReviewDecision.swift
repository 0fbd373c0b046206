/// A reviewer's decision on one (comment, measure) pair, as read from a review file.
public struct ReviewDecision: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The suggested measure is right.
        case accept
        /// The suggested measure is wrong.
        case reject
        /// The comment belongs to this measure (one the tool did not suggest).
        case assign
    }

    /// The measure every measure of a `reject` without a measure id stands for: the comment fits none.
    public static let everyMeasure = "*"

    public var commentID: String
    /// A measure id, or ``everyMeasure`` for a reject that says the comment fits no measure.
    public var measureID: String
    public var decision: Kind
    public var reviewer: String?
    /// As written in the file (ISO 8601 expected, not checked).
    public var date: String?
    public var source: SourceLocation

    public init(
        commentID: String, measureID: String, decision: Kind, reviewer: String?, date: String?, source: SourceLocation
    ) {
        self.commentID = commentID
        self.measureID = measureID
        self.decision = decision
        self.reviewer = reviewer
        self.date = date
        self.source = source
    }
}

/// What a review file held: the decisions read, the rows rejected, and the rows left blank.
public struct ReviewFile: Sendable, Equatable {
    public var decisions: [ReviewDecision]
    public var rejected: [RejectedRow]
    /// Rows without a decision (a queue row nobody filled in).
    public var blank: Int
    /// Decisions no row states but one implies: the rejection of the suggested measure when the
    /// reviewer accepted or assigned another.
    public var implied: Int
    /// Rows of the file (a row gives one decision, two with an implied one, or none).
    public var rowsRead: Int { decisions.count - implied + rejected.count + blank }

    public init(decisions: [ReviewDecision] = [], rejected: [RejectedRow] = [], blank: Int = 0, implied: Int = 0) {
        self.decisions = decisions
        self.rejected = rejected
        self.blank = blank
        self.implied = implied
    }
}
