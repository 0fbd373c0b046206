import Corpus

/// Human decisions on one comment: the measures accepted or assigned, and those rejected
/// (``ReviewDecision/everyMeasure`` when the reviewer said the comment fits no measure).
public struct ReviewedLabels: Sendable, Equatable {
    public var accepted: Set<String>
    public var rejected: Set<String>

    /// Whether the reviewer ruled `measureID` out: rejected it, or every measure, without
    /// accepting it since.
    public func isRejected(_ measureID: String) -> Bool {
        !accepted.contains(measureID) && (rejected.contains(measureID) || rejected.contains(ReviewDecision.everyMeasure))
    }

    public init(accepted: Set<String> = [], rejected: Set<String> = []) {
        self.accepted = accepted
        self.rejected = rejected
    }
}

extension ReviewedLabels {
    /// The labels per comment id that `decisions` (oldest first) leave: for each (comment,
    /// measure) the latest decision counts; `accept` and `assign` make the measure accepted,
    /// `reject` rejected.
    public static func resolve(_ decisions: [ReviewDecision]) -> [String: ReviewedLabels] {
        var latest: [String: [String: ReviewDecision.Kind]] = [:]
        for decision in decisions { latest[decision.commentID, default: [:]][decision.measureID] = decision.decision }
        return latest.mapValues { measures in
            ReviewedLabels(
                accepted: Set(measures.filter { $0.value != .reject }.keys),
                rejected: Set(measures.filter { $0.value == .reject }.keys))
        }
    }
}
