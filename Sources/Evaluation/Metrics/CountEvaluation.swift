import Analytics

/// How close the counts a report states are to the gold counts, per measure.
///
/// Over the measures with at least one gold comment: the relative error `|stated − true| / true`
/// of the count of assigned comments and of the estimate, their median and worst, and the share
/// of measures whose true count lies in the estimate's 95 % interval (coverage); also the counted
/// and the gold measures per comment.
public struct CountEvaluation: Sendable, Equatable {
    public struct Measure: Sendable, Equatable {
        public var measureID: String
        public var gold: Int
        public var counted: Int
        public var estimate: CountEstimate?
    }

    public var measures: [Measure]
    public var comments: Int

    public init(measureIDs: [String], gold: [[String]], counted: [[String]], estimates: [String: CountEstimate]) {
        precondition(gold.count == counted.count, "gold and counted must cover the same comments")
        var goldCounts: [String: Int] = [:]
        var countedCounts: [String: Int] = [:]
        for labels in gold { for label in Set(labels) { goldCounts[label, default: 0] += 1 } }
        for labels in counted { for label in Set(labels) { countedCounts[label, default: 0] += 1 } }
        measures = measureIDs.map {
            Measure(measureID: $0, gold: goldCounts[$0] ?? 0, counted: countedCounts[$0] ?? 0, estimate: estimates[$0])
        }
        comments = gold.count
    }

    var scored: [Measure] { measures.filter { $0.gold > 0 } }

    public var goldPerComment: Double { comments > 0 ? Double(measures.reduce(0) { $0 + $1.gold }) / Double(comments) : 0 }
    public var countedPerComment: Double {
        comments > 0 ? Double(measures.reduce(0) { $0 + $1.counted }) / Double(comments) : 0
    }

    /// Relative errors of the counted and the estimated figures, measure by measure.
    public var countedErrors: [Double] { scored.map { abs(Double($0.counted - $0.gold)) / Double($0.gold) } }
    public var estimateErrors: [Double] {
        scored.compactMap { measure in measure.estimate.map { abs($0.value - Double(measure.gold)) / Double(measure.gold) } }
    }

    public var medianCountedError: Double { Self.median(countedErrors) }
    public var medianEstimateError: Double { Self.median(estimateErrors) }
    /// The measure whose count is furthest off, relatively.
    public var worstCounted: Measure? {
        scored.max { abs(Double($0.counted - $0.gold)) / Double($0.gold) < abs(Double($1.counted - $1.gold)) / Double($1.gold) }
    }
    public var worstEstimate: Measure? {
        scored.filter { $0.estimate != nil }.max { lhs, rhs in
            abs((lhs.estimate?.value ?? 0) - Double(lhs.gold)) / Double(lhs.gold)
                < abs((rhs.estimate?.value ?? 0) - Double(rhs.gold)) / Double(rhs.gold)
        }
    }
    /// Share of the measures whose true count lies in the estimate's interval.
    public var coverage: Double {
        let withEstimate = scored.compactMap { measure in measure.estimate.map { (measure.gold, $0) } }
        guard !withEstimate.isEmpty else { return 0 }
        let inside = withEstimate.filter { Double($0.0) >= $0.1.lower - 1e-9 && Double($0.0) <= $0.1.upper + 1e-9 }.count
        return Double(inside) / Double(withEstimate.count)
    }
    /// Median of `(upper − lower) / true`: how wide the intervals are.
    public var medianIntervalWidth: Double {
        Self.median(scored.compactMap { measure in measure.estimate.map { ($0.upper - $0.lower) / Double(measure.gold) } })
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
