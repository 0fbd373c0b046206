/// Quality of measure assignment against gold labels.
///
/// Counted over comments that carry gold information (the input's `labels`); a comment with an
/// empty label list is gold "fits no measure". Predictions are the assignments of comments with
/// status `assigned`; uncertain and unassigned comments predict nothing, as in the reports.
/// - top-1 accuracy: comments with gold labels whose first assignment is one of them;
/// - micro P/R/F1 over (comment, measure) pairs; macro F1 = mean of per-measure F1 over the
///   measures that have gold labels or predictions;
/// - abstention rate: comments that predict nothing; `noMeasure` precision/recall: how well
///   "predicts nothing" finds the gold-empty comments.
public struct AssignmentEvaluation: Sendable {
    public struct MeasureScore: Sendable, Equatable {
        public var measureID: String
        public var gold: Int
        public var predicted: Int
        public var correct: Int
        public var precision: Double { predicted > 0 ? Double(correct) / Double(predicted) : 0 }
        public var recall: Double { gold > 0 ? Double(correct) / Double(gold) : 0 }
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    public var comments: Int
    public var commentsWithLabels: Int
    public var top1Accuracy: Double
    public var microPrecision: Double
    public var microRecall: Double
    public var microF1: Double
    public var macroF1: Double
    public var abstentionRate: Double
    public var noMeasurePrecision: Double
    public var noMeasureRecall: Double
    public var perMeasure: [MeasureScore]

    /// - Parameters:
    ///   - gold: gold measure ids per comment.
    ///   - predicted: predicted measure ids per comment, strongest first.
    ///   - measureIDs: every measure, in framework order (fixes the order of `perMeasure`).
    public init(gold: [[String]], predicted: [[String]], measureIDs: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted must cover the same comments")
        var scores = Dictionary(
            uniqueKeysWithValues: measureIDs.map { ($0, MeasureScore(measureID: $0, gold: 0, predicted: 0, correct: 0)) })
        var top1Hits = 0
        var labelled = 0
        var abstained = 0
        var abstainedAndEmpty = 0
        var goldEmpty = 0
        for (goldLabels, predictedLabels) in zip(gold, predicted) {
            let goldSet = Set(goldLabels)
            if predictedLabels.isEmpty { abstained += 1 }
            if goldSet.isEmpty {
                goldEmpty += 1
                if predictedLabels.isEmpty { abstainedAndEmpty += 1 }
            } else {
                labelled += 1
                if let first = predictedLabels.first, goldSet.contains(first) { top1Hits += 1 }
            }
            for label in goldSet {
                scores[label, default: MeasureScore(measureID: label, gold: 0, predicted: 0, correct: 0)].gold += 1
            }
            for label in Set(predictedLabels) {
                var score = scores[label, default: MeasureScore(measureID: label, gold: 0, predicted: 0, correct: 0)]
                score.predicted += 1
                if goldSet.contains(label) { score.correct += 1 }
                scores[label] = score
            }
        }
        let ordered =
            measureIDs.compactMap { scores[$0] }
            + scores.keys.filter { !measureIDs.contains($0) }.sorted().compactMap { scores[$0] }
        let correct = ordered.reduce(0) { $0 + $1.correct }
        let predictedTotal = ordered.reduce(0) { $0 + $1.predicted }
        let goldTotal = ordered.reduce(0) { $0 + $1.gold }
        let microPrecision = predictedTotal > 0 ? Double(correct) / Double(predictedTotal) : 0
        let microRecall = goldTotal > 0 ? Double(correct) / Double(goldTotal) : 0
        let active = ordered.filter { $0.gold > 0 || $0.predicted > 0 }
        self.comments = gold.count
        self.commentsWithLabels = labelled
        self.top1Accuracy = labelled > 0 ? Double(top1Hits) / Double(labelled) : 0
        self.microPrecision = microPrecision
        self.microRecall = microRecall
        self.microF1 = microPrecision + microRecall > 0 ? 2 * microPrecision * microRecall / (microPrecision + microRecall) : 0
        self.macroF1 = active.isEmpty ? 0 : active.reduce(0) { $0 + $1.f1 } / Double(active.count)
        self.abstentionRate = gold.isEmpty ? 0 : Double(abstained) / Double(gold.count)
        self.noMeasurePrecision = abstained > 0 ? Double(abstainedAndEmpty) / Double(abstained) : 0
        self.noMeasureRecall = goldEmpty > 0 ? Double(abstainedAndEmpty) / Double(goldEmpty) : 0
        self.perMeasure = ordered
    }
}
