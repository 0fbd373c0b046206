import Foundation

/// How many comments a measure applies to, as an estimate with a 95 % interval: what a report
/// states beside the count of assigned comments.
public struct CountEstimate: Sendable, Equatable, Codable {
    /// Where the estimate comes from.
    public enum Basis: String, Sendable, Codable {
        /// The model's confidences alone (``ModelCountEstimator``).
        case model
        /// A reviewed random sample (``AuditEstimator``), for the comments the sample was drawn
        /// from; the model for comments that came later.
        case audit
    }

    public var value: Double
    public var lower: Double
    public var upper: Double
    public var basis: Basis
    /// Comments of the audit sample with a decision (0 for a model estimate).
    public var auditedComments: Int

    public init(value: Double, lower: Double, upper: Double, basis: Basis, auditedComments: Int = 0) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.basis = basis
        self.auditedComments = auditedComments
    }

    /// Whether the two intervals share a point: then the report does not rank the measures.
    public func overlaps(_ other: CountEstimate) -> Bool {
        lower <= other.upper && other.lower <= upper
    }
}

/// The estimate from the model alone: the count of assigned comments, with an interval for how
/// far such counts were from the true counts on labelled consultations the confidence model was
/// not fitted on.
///
/// Rules, per measure, with `c` the comments assigned to it (reviewed ones by their decisions):
/// - value: `c`. Tried on five labelled corpora, each held out in turn, the count of assigned
///   comments was nearer the true count (median relative error over corpora 0.31) than the
///   expected count `Σ p` (0.63: the many small confidences of comments that do not concern a
///   measure add up) or sums over the larger confidences only (0.33–0.42; docs/assignment.md);
/// - interval: `lower = (c + 1) · f_lo − 1`, `upper = (c + 1) · f_hi − 1`, with `[f_lo, f_hi]` =
///   `[e^−h, e^h]`, `h = k · (1 − a + floor)`: `a` the consultation's agreement of its two
///   rankings, `k` and `floor` fitted on how far `(true + 1) / (c + 1)` lay from 1 on those
///   corpora, each counted with a model fitted without it (``CountSpread``,
///   ``ConfidenceModel/intervalFactors(agreementRate:)``); an older model's fixed factors
///   otherwise; without factors, the interval is the count itself;
/// - clipped to `[known, possible]`: at least the comments a reviewer accepted for the measure, at
///   most the comments that can have it (its goal's and those without a goal).
public enum ModelCountEstimator {
    public static func estimate(counted: Int, factors: [Double], known: Int, possible: Int) -> CountEstimate {
        let low = factors.count == 2 ? factors[0] : 1
        let high = factors.count == 2 ? factors[1] : 1
        let value = Double(counted)
        var lower = (value + 1) * low - 1
        var upper = (value + 1) * high - 1
        lower = min(max(lower, Double(known)), Double(possible))
        upper = max(min(upper, Double(possible)), lower)
        return CountEstimate(value: min(max(value, lower), upper), lower: lower, upper: upper, basis: .model)
    }
}
