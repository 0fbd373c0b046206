import Analytics
import Corpus

/// What kind of run a record is.
public enum RunKind: String, Sendable, Codable {
    /// `resonanz run`: ingest, analyse, report.
    case run
    /// `resonanz ingest`: comments only.
    case ingest
    /// `resonanz analyze`: an analysis of the stored comments, without reading files.
    case analyze
}

/// Everything one run writes to the store, in one transaction.
public struct RunRecord: Sendable {
    public var kind: RunKind
    public var startedAt: String
    public var reportID: String
    public var corpusSHA256: String
    public var frameworkID: String?
    public var frameworkSHA256: String?
    public var seed: UInt64
    public var programVersion: String
    public var icuVersion: String
    /// Rows read from this run's files; `rowsRead = accepted + rejected` is enforced by the schema.
    public var rowsRead: Int
    public var accepted: Int
    public var rejectedRows: [RejectedRow]
    public var warnings: [IngestWarning]
    public var inputs: [InputFile]
    /// Which columns each table file gave for which field, rows a later file replaced, rows of
    /// withdrawn comments: kept so that `analyze` after `ingest` reports what `run` reports.
    public var columns: [ColumnUse] = []
    public var supersededRows = 0
    public var withdrawnRows = 0
    public var changes: CommentChanges
    /// Seconds per stage, in the order the stages ran.
    public var timings: [(stage: String, seconds: Double)]
    /// The finished analysis, for `resonanz report` and for later runs' "since the last run".
    public var result: RunResult?

    public init(
        kind: RunKind, startedAt: String, reportID: String, corpusSHA256: String, frameworkID: String?,
        frameworkSHA256: String?, seed: UInt64, programVersion: String, icuVersion: String, rowsRead: Int, accepted: Int,
        rejectedRows: [RejectedRow], warnings: [IngestWarning] = [], inputs: [InputFile], changes: CommentChanges,
        timings: [(stage: String, seconds: Double)], result: RunResult?
    ) {
        self.warnings = warnings
        self.kind = kind
        self.startedAt = startedAt
        self.reportID = reportID
        self.corpusSHA256 = corpusSHA256
        self.frameworkID = frameworkID
        self.frameworkSHA256 = frameworkSHA256
        self.seed = seed
        self.programVersion = programVersion
        self.icuVersion = icuVersion
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejectedRows = rejectedRows
        self.inputs = inputs
        self.changes = changes
        self.timings = timings
        self.result = result
    }
}

/// A finished run that a later run compares with.
public struct Baseline: Sendable, Equatable {
    public var sequence: Int
    public var snapshot: RunSnapshot
}

/// What the ingests since the last analysis read: `resonanz analyze` reports it, so that the
/// three steps give the reports `resonanz run` gives.
public struct PendingIntake: Sendable, Equatable {
    public var intake: Intake
    public var inputs: [InputFile]
}

/// One row of the run history.
public struct RunHistoryEntry: Sendable, Equatable {
    public var sequence: Int
    public var kind: RunKind
    public var status: String
    public var startedAt: String
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var newComments: Int
    public var changedComments: Int
}
