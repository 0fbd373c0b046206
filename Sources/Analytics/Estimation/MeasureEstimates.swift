import Corpus

/// An audit drawn earlier, as the analysis needs it: which comments were sampled in which stratum,
/// how large each stratum was, and which comments the sample was drawn from.
public struct AuditPlan: Sendable, Equatable {
    /// Sampled comment id → its stratum (the measure it was counted for, "" for none).
    public var sampled: [String: String]
    public var stratumSizes: [String: Int]
    /// The ids of the comments there were when the sample was drawn.
    public var frame: Set<String>

    public init(sampled: [String: String], stratumSizes: [String: Int], frame: Set<String>) {
        self.sampled = sampled
        self.stratumSizes = stratumSizes
        self.frame = frame
    }
}

/// Every measure's ``CountEstimate``: from the audit where there is one (for the comments it was
/// drawn from; ``AuditEstimator``), from the model otherwise and for comments that came later
/// (``ModelCountEstimator``).
enum MeasureEstimates {
    /// - Parameters:
    ///   - possible: per measure, the comments that can have it (its goal's and those without a goal).
    ///   - known: per measure, the comments a reviewer accepted it for.
    static func compute(
        comments: [Comment], assignment: AssignmentRun, reviews: [Int: ReviewedLabels], audit: AuditPlan?,
        factors: [Double], possible: [Int], known: [Int], threads: Int
    ) -> [CountEstimate] {
        let measures = assignment.measureIDs.count
        // Assigned comments per measure, all and those outside the audit's frame.
        var counted = [Int](repeating: 0, count: measures)
        var countedLater = [Int](repeating: 0, count: measures)
        let column = Dictionary(uniqueKeysWithValues: assignment.measureIDs.enumerated().map { ($1, $0) })
        for (row, assessment) in assignment.assessments.enumerated() where assessment.status == .assigned {
            let later = audit.map { !$0.frame.contains(comments[row].id) } ?? false
            for measure in Set(assessment.assignments.map(\.measureID)) {
                guard let index = column[measure] else { continue }
                counted[index] += 1
                if later { countedLater[index] += 1 }
            }
        }
        guard let audit, !audit.sampled.isEmpty else {
            return (0..<measures).map { column in
                ModelCountEstimator.estimate(
                    counted: counted[column], factors: factors, known: known[column], possible: possible[column])
            }
        }
        // Model confidences of every comment, before reviews, summed in comment order: over the
        // frame for the audit, over later comments (with reviews applied) for the model part.
        let parts = ParallelMap.map(count: comments.count, threads: threads) { range in
            range.map { row -> (inFrame: Bool, probabilities: [Double]) in
                (audit.frame.contains(comments[row].id), assignment.probabilities(row))
            }
        }
        var frameTotals = [Double](repeating: 0, count: measures)
        var strata: [String: AuditEstimator.Stratum] = [:]
        for name in audit.stratumSizes.keys.sorted() {
            strata[name] = AuditEstimator.Stratum(size: audit.stratumSizes[name] ?? 0, confidences: [], decisions: [])
        }
        for (row, part) in parts.enumerated() {
            let id = comments[row].id
            if part.inFrame {
                for column in 0..<measures { frameTotals[column] += part.probabilities[column] }
                if let stratum = audit.sampled[id], let review = reviews[row] {
                    strata[stratum]?.confidences.append(part.probabilities)
                    strata[stratum]?.decisions.append(assignment.measureIDs.map { review.accepted.contains($0) })
                }
            }
        }
        let result = AuditEstimator.estimate(
            frameTotals: frameTotals, strata: audit.stratumSizes.keys.sorted().compactMap { strata[$0] })
        return (0..<measures).map { column in
            let spread = 1.96 * result.variances[column].squareRoot()
            let later = ModelCountEstimator.estimate(
                counted: countedLater[column], factors: factors, known: 0, possible: possible[column])
            let hasLater = audit.frame.count < comments.count
            let value = result.values[column] + (hasLater ? later.value : 0)
            var lower = result.values[column] - spread + (hasLater ? later.lower : 0)
            var upper = result.values[column] + spread + (hasLater ? later.upper : 0)
            lower = min(max(lower, Double(known[column])), Double(possible[column]))
            upper = max(min(upper, Double(possible[column])), lower)
            return CountEstimate(
                value: min(max(value, lower), upper), lower: lower, upper: upper, basis: .audit,
                auditedComments: result.reviewed)
        }
    }
}
