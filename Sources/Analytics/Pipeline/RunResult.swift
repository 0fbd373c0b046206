import Corpus

/// What identifies a run: inputs, settings and program, fixed before analysis starts.
public struct RunManifest: Sendable, Equatable, Codable {
    /// Derived from the corpus and framework hashes, the settings and the program version, so
    /// the same analysis has the same id.
    public var id: String
    /// ISO 8601 time the run started; the only field that changes between identical runs.
    public var startedAt: String
    public var frameworkID: String
    public var frameworkSHA256: String
    /// SHA-256 over the hashes of this run's input files, in the order given.
    public var inputSHA256: String
    public var inputFiles: [InputFile]
    /// SHA-256 over every comment analysed (the stored ones and this run's), in order.
    public var corpusSHA256: String
    public var seed: UInt64
    public var threads: Int
    public var programVersion: String
    public var icuVersion: String

    public init(
        id: String, startedAt: String, frameworkID: String, frameworkSHA256: String, inputSHA256: String,
        inputFiles: [InputFile], corpusSHA256: String = "", seed: UInt64, threads: Int, programVersion: String,
        icuVersion: String
    ) {
        self.corpusSHA256 = corpusSHA256
        self.id = id
        self.startedAt = startedAt
        self.frameworkID = frameworkID
        self.frameworkSHA256 = frameworkSHA256
        self.inputSHA256 = inputSHA256
        self.inputFiles = inputFiles
        self.seed = seed
        self.threads = threads
        self.programVersion = programVersion
        self.icuVersion = icuVersion
    }
}

/// One input file of a run.
public struct InputFile: Sendable, Equatable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// The settings the analysis used, recorded in every report.
public struct MethodSettings: Sendable, Equatable, Codable {
    public var bm25K1: Double
    public var bm25B: Double
    /// Confidence an assignment needs (``MeasureAssigner/Settings/assignAt``).
    public var assignAt: Double
    /// Confidence below which a comment fits no measure.
    public var reviewFloor: Double
    public var expansion: QueryExpansion?
    public var selfTraining: NaiveBayesEM?
    /// What the confidence model was fitted on (``ConfidenceModel/fittedOn``), and how many
    /// reviewed comments adjusted it.
    public var confidenceFittedOn: [String]
    /// The ids of the corpora the confidence model was fitted on, as the method text names them.
    public var confidenceCorpora: [String] { ConfidenceModel.corpusIDs(confidenceFittedOn) }
    public var reviewedComments: Int
    public var titleWeight: Double
    public var keywordWeight: Double
    public var descriptionWeight: Double
    /// Weight of a synonym of a title or keyword noun (``MeasureQuery``); nil without synonyms
    /// (and in results stored before synonyms).
    public var synonymWeight: Double? = nil
    /// The OpenThesaurus text the synonyms came from (its generation date); nil without one.
    public var thesaurus: String? = nil
    /// Share of comments whose BM25 and Naive Bayes favourites agree (``PairFeatures``).
    public var agreementRate: Double? = nil
    /// Median relative error of model estimates on held-out consultations, from the confidence model.
    public var countMedianError: Double? = nil
    /// Comments drawn for the audit the estimates rest on (nil without an audit).
    public var auditSize: Int? = nil
    public var keywordMinimumComments: Int
    public var topics: TopicModeler
}

/// The finished result of one run, everything a report shows.
public struct RunResult: Sendable, Codable {
    public var manifest: RunManifest
    public var framework: Framework
    /// Rows read = accepted comments + rejected rows.
    public var rowsRead: Int
    public var rejected: [RejectedRow]
    public var warnings: [IngestWarning]
    /// ``warnings`` per kind (``WarningSummary/of(_:)``), as the reports show them; nil only in a
    /// result stored before it was kept, until ``AnalysisPipeline/upgraded(_:)`` fills it in.
    public var warningSummary: [WarningSummary]? = nil
    /// Which columns each of this run's table files gave for which field (nil in results stored
    /// before it was kept).
    public var columns: [ColumnUse]? = nil
    /// Accepted rows a later file of this run replaced (nil in results stored before it was kept).
    public var supersededRows: Int? = nil
    /// Rows of this run whose comment had been withdrawn (not stored again), and the comments
    /// withdrawn from the store so far (nil in results stored before withdrawal existed).
    public var withdrawnRows: Int? = nil
    public var withdrawnComments: Int? = nil
    /// Distinct author pseudonyms among accepted comments.
    public var distinctAuthors: Int
    /// Earliest `created_at` among accepted comments.
    public var firstCommentAt: String?
    /// Latest `created_at` among accepted comments.
    public var lastCommentAt: String?
    public var goals: [GoalResult]
    /// Topics of the whole consultation (goal nil), then of each goal in framework order.
    public var topics: [TopicResult]
    /// What happened to topics since the previous run (none on a first run).
    public var topicEvents: [TopicLedger.Event]
    /// The highest topic number used per scope, so an ended topic's id is never given again.
    public var topicNumbers: [String: Int]
    /// The number of topics per scope (goal id, "" for the whole consultation) and the state of
    /// its hysteresis; empty when `--topics` fixed it.
    public var topicCounts: [String: TopicCountState]
    /// How each candidate number of topics scored, per scope (see ``TopicCountSelection``).
    public var topicScores: [String: [TopicCountSelection.Score]]
    /// Every accepted comment, in input order.
    public var comments: [CommentResult]
    public var method: MethodSettings
    /// What changed since the last run; nil when the run was not compared (`resonanz eval`).
    public var changes: ChangeReport?

    /// Rows of this run's files that were accepted (rows read − rejected).
    public var commentsAccepted: Int { rowsRead - rejected.count }
    /// Comments analysed: every stored comment, not only this run's.
    public var commentsAnalysed: Int { comments.count }
    /// Distinct contributions (see ``CommentResult/contributionKey``).
    public var distinctContributions: Int { Set(comments.map(\.contributionKey)).count }
    public var exactDuplicates: Int { comments.filter { $0.duplicateOf != nil }.count }
    /// Comments in near-duplicate groups, and the number of groups.
    public var campaignComments: Int { comments.filter { $0.nearDuplicateGroup != nil }.count }
    public var campaignGroups: Int { Set(comments.compactMap(\.nearDuplicateGroup)).count }
    public var commentsRejected: Int { rejected.count }
    public var commentsWithoutGoal: Int { comments.filter { $0.goal == nil }.count }

    /// All comments by status, as the overview counts them.
    public var statusCounts: (assigned: Int, uncertain: Int, unassigned: Int) {
        var counts = (assigned: 0, uncertain: 0, unassigned: 0)
        for comment in comments {
            switch comment.status {
            case .assigned: counts.assigned += 1
            case .uncertain: counts.uncertain += 1
            case .unassigned: counts.unassigned += 1
            }
        }
        return counts
    }

    /// The comments that count under no goal (``CommentResult/reportGoal`` nil), as indices into
    /// ``comments``, in input order.
    public var commentsWithoutReportGoal: [Int] { comments.indices.filter { comments[$0].reportGoal == nil } }
}

/// Results for one goal.
///
/// A goal's comments are those posted under it plus those posted without a goal whose best
/// measure belongs to it (``CommentResult/reportGoal``). Comments without a goal are compared
/// with every measure, so a measure's share counts against ``consideredCount``: the comments
/// posted under the goal plus all comments without a goal.
public struct GoalResult: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The goal's comments: posted under it, or without goal and routed here.
    public var commentCount: Int
    /// Of those, distinct contributions (no exact duplicate, campaign texts counted once).
    public var distinctCount: Int
    /// Of those, posted under the goal.
    public var postedCount: Int
    /// Of those, posted without a goal and routed here by their best measure.
    public var routedCount: Int
    /// Comments compared with the goal's measures: posted under it plus all without a goal.
    public var consideredCount: Int
    /// Of the goal's comments, how many are assigned, uncertain, unassigned.
    public var assignedCount: Int
    public var uncertainCount: Int
    public var unassignedCount: Int
    /// Keywords of the goal's comments against all others.
    public var keywords: [Keyword]
    /// Two-word phrases (``PhraseFinder``) of the goal's comments against all others.
    public var phrases: [Keyword] = []
    public var measures: [MeasureResult]
    /// The topics of the goal's comments.
    public var topics: [TopicResult] = []
    /// The goal's uncertain and its unassigned comments, as indices into ``RunResult/comments``
    /// in input order: the lists its page shows. Nil in results stored before they were kept
    /// (``AnalysisPipeline/upgraded(_:)`` adds them).
    public var uncertainComments: [Int]? = nil
    public var unassignedComments: [Int]? = nil

    /// A measure's comments as a share of the comments compared with it.
    public func share(of measure: MeasureResult) -> Double {
        consideredCount > 0 ? Double(measure.commentCount) / Double(consideredCount) : 0
    }
}

/// Results for one measure.
public struct MeasureResult: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// Comments assigned to the measure (from any goal).
    public var commentCount: Int
    /// Of those, distinct contributions (no exact duplicate, campaign texts counted once).
    public var distinctCount: Int
    /// Uncertain comments that list the measure as a candidate.
    public var uncertainCount: Int
    /// Keywords of the comments assigned to the measure against all others.
    public var keywords: [Keyword]
    /// Two-word phrases of those comments against all others.
    public var phrases: [Keyword] = []
    /// The most confident assigned comments, verbatim.
    public var representativeComments: [Quote]
    /// How many comments the measure applies to, estimated with a 95 % interval (nil in results
    /// stored before estimates).
    public var estimate: CountEstimate? = nil
    /// Its assigned comments per week of writing (``MeasureTrend``); nil when no comment carries a
    /// date, and in results stored before it was kept (``AnalysisPipeline/upgraded(_:)`` adds it).
    public var trend: MeasureTrend? = nil
    /// Its assigned comments as indices into ``RunResult/comments``, most confident first (ties by
    /// id): the list the goal pages show. Nil in results stored before it was kept
    /// (``AnalysisPipeline/upgraded(_:)`` adds it).
    public var assignedComments: [Int]? = nil
}

/// A topic as reported.
public struct TopicResult: Sendable, Equatable, Codable {
    public var id: String
    /// The goal whose comments it groups; nil for the whole consultation.
    public var goal: String?
    public var size: Int
    /// Of those, distinct contributions (no exact duplicate, campaign texts counted once).
    public var distinctCount: Int
    /// Of those, comments that fit no measure.
    public var unassignedCount: Int
    public var label: String
    public var keywords: [TopicKeyword]
    /// Two-word phrases of its comments against the rest of the consultation.
    public var phrases: [Keyword] = []
    public var representativeComments: [TopicQuote]
    /// The ids of its comments, in input order.
    public var commentIDs: [String]
    /// NPMI coherence of its keywords (``TopicCoherence``), in [−1, 1].
    public var coherence: Double

    /// At least half of its comments fit no measure: a candidate for a new measure.
    public var isOrphan: Bool { size > 0 && 2 * unassignedCount >= size }

    /// Its keywords occur together at least as often as chance would have them (NPMI ≥ 0,
    /// ``coherenceFloor``). Below it the cluster is a group of comments that share no words,
    /// which the reports do not present as a topic.
    public var isCoherent: Bool { coherence >= Self.coherenceFloor }
    /// NPMI 0 is independence: a fixed point of the measure, not a tuned threshold.
    public static let coherenceFloor = 0.0
}

/// A comment quoted for a topic, verbatim.
public struct TopicQuote: Sendable, Equatable, Codable {
    public var commentID: String
    public var text: String
}

/// A comment quoted in a report.
public struct Quote: Sendable, Equatable, Codable {
    public var commentID: String
    public var text: String
    /// The confidence of its assignment to the measure.
    public var confidence: Double
}

/// The analysis of one comment.
public struct CommentResult: Sendable, Equatable, Codable {
    public var id: String
    public var text: String
    /// The goal it was posted under.
    public var goal: String?
    /// The goal of its best measure when that differs from the posted goal (or there was none).
    public var inferredGoal: String?
    public var createdAt: String?
    public var status: AssignmentStatus
    /// Strongest first.
    public var assignments: [MeasureAssignment]
    /// The model's highest confidence for any measure, whatever the status (orders the review queue).
    public var bestConfidence: Double
    /// The topic of its goal's comments it belongs to (the whole consultation's for a comment
    /// without goal); nil when it fits none (a concern too rare to form a topic).
    public var topic: String?
    /// The earlier comment with the same normalised text.
    public var duplicateOf: String?
    /// The earliest comment of the near-duplicate (campaign) group, when the comment is in one.
    public var nearDuplicateGroup: String?
    public var source: SourceLocation

    /// The contribution this comment is part of: its campaign group, else the comment it
    /// duplicates, else itself. Counting distinct keys counts a campaign once, in any subset.
    public var contributionKey: String { nearDuplicateGroup ?? duplicateOf ?? id }

    /// The goal whose page shows the comment: the posted goal, else the goal of its best
    /// measure; nil for a comment without goal that matches no measure.
    public var reportGoal: String? { goal ?? inferredGoal }
}
