/// The outcome of ``MeasureAssigner/assess(bags:vocabulary:goals:contributions:queries:reviews:threads:)``.
public struct AssignmentRun: Sendable {
    public var assessments: [CommentAssessment]
    /// ``PairFeatures`` of the (comment, measure) pairs, for fitting the confidence model.
    public var features: PairFeatures
    public var measureIDs: [String]
    public var index: BM25Index
    /// The confidence model applied, and the offsets the reviews add to each measure's logits.
    public var confidenceModel: ConfidenceModel
    public var reviewOffsets: [Double]
    /// The model's confidence for every measure of a comment, before reviewed decisions are
    /// applied (0 for pairs that are not scored); computed when asked for.
    public var probabilities: @Sendable (Int) -> [Double]

    /// The features of one pair.
    public func features(comment: Int, measure: Int) -> [Double] {
        features.pair(comment: comment, measure: measure)
    }
}

/// How a comment relates to the measures.
public enum AssignmentStatus: String, Sendable, Codable {
    case assigned, unassigned, uncertain
}

/// Who made an assignment.
public enum AssignmentSource: String, Sendable, Codable {
    case model, review
}

/// The outcome for one comment: its status and its assignments, strongest first.
public struct CommentAssessment: Sendable, Equatable {
    public var status: AssignmentStatus
    public var assignments: [MeasureAssignment]
    /// The model's highest confidence for any measure, whatever the status (for the review queue).
    public var bestConfidence: Double
}

/// One measure a comment was matched to.
public struct MeasureAssignment: Sendable, Equatable, Codable {
    public var measureID: String
    public var goalID: String
    /// BM25 score of the (expanded) query.
    public var score: Double
    /// Probability that the assignment is right (``ConfidenceModel``); 1 for a reviewer's decision.
    public var confidence: Double
    /// The matched terms, strongest first.
    public var evidence: [Evidence]
    public var source: AssignmentSource

    public init(
        measureID: String, goalID: String, score: Double, confidence: Double, evidence: [Evidence],
        source: AssignmentSource = .model
    ) {
        self.measureID = measureID
        self.goalID = goalID
        self.score = score
        self.confidence = confidence
        self.evidence = evidence
        self.source = source
    }
}

/// A matched term: as the comment wrote it, and as the measure's text wrote it.
public struct Evidence: Sendable, Equatable, Codable {
    /// Whether the term comes from the measure's own text or from query expansion.
    public enum Origin: String, Sendable, Codable {
        case measure, expansion
    }

    public var term: String
    public var measureTerm: String
    /// The term's BM25 contribution to the score.
    public var weight: Double
    public var origin: Origin

    public init(term: String, measureTerm: String, weight: Double, origin: Origin = .measure) {
        self.term = term
        self.measureTerm = measureTerm
        self.weight = weight
        self.origin = origin
    }
}
