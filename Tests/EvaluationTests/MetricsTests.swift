import Analytics
import Evaluation
import Foundation
import Testing

/// Tests the metrics `resonanz eval` reports, on hand-checked examples.
struct MetricsTests {
    @Test func stemmerMacroScores() {
        // Cluster 1: both words share stem "hau" (TP 2); "haus" from cluster 2 also becomes "hau" (FP 1).
        let clusters = [["Haus", "Hause"], ["hausen"], ["Baum"]]
        let stems = ["Haus": "hau", "Hause": "hau", "hausen": "hau", "Baum": "baum"]
        let score = StemmerEvaluation.evaluate(clusters: clusters) { stems[$0]! }
        // Cluster P/R: (2/3, 1), (1/3, 1), (1, 1).
        #expect(abs(score.precision - (2.0 / 3 + 1.0 / 3 + 1) / 3) < 1e-12)
        #expect(score.recall == 1)
        #expect(score.words == 4)
    }

    @Test func assignmentMetrics() {
        let evaluation = AssignmentEvaluation(
            gold: [["a"], ["a", "b"], [], ["b"]], predicted: [["a"], ["b"], [], ["a"]], measureIDs: ["a", "b"])
        #expect(evaluation.top1Accuracy == 2.0 / 3)
        #expect(evaluation.microPrecision == 2.0 / 3)
        #expect(evaluation.microRecall == 2.0 / 4)
        #expect(evaluation.abstentionRate == 0.25)
        #expect(evaluation.noMeasurePrecision == 1)
        #expect(evaluation.noMeasureRecall == 1)
        #expect(evaluation.perMeasure.map(\.correct) == [1, 1])
    }

    @Test func reliabilityBinsAndExpectedCalibrationError() {
        // Bin 0.8–0.9: four predictions at 0.85, three right; bin 0.2–0.3: two at 0.25, none right.
        let table = ReliabilityTable(
            confidences: [0.85, 0.85, 0.85, 0.85, 0.25, 0.25, 1.0], outcomes: [true, true, true, false, false, false, true])
        let filled = table.bins.filter { $0.count > 0 }
        #expect(filled.map(\.count) == [2, 4, 1])
        #expect(filled[1].accuracy == 0.75)
        #expect(abs(filled[1].meanConfidence - 0.85) < 1e-12)
        #expect(filled[2].lower == 0.9)  // a confidence of exactly 1 falls into the last bin
        let expected = (2.0 * 0.25 + 4 * 0.1 + 1 * 0) / 7
        #expect(abs(table.expectedCalibrationError - expected) < 1e-12)
    }

    @Test func confusionCountsEachGoldLabelAgainstTheFirstPrediction() {
        let matrix = ConfusionMatrix(gold: [["a", "b"], [], ["b"]], predicted: [["b"], ["a"], []], measureIDs: ["a", "b"])
        #expect(matrix.labels == ["a", "b", "none"])
        #expect(matrix.counts == [[0, 1, 0], [0, 1, 1], [1, 0, 0]])
    }

    @Test func countEvaluationComparesStatedAndTrueCounts() {
        let evaluation = CountEvaluation(
            measureIDs: ["a", "b", "c"], gold: [["a"], ["a", "b"], [], ["a"]], counted: [["a"], ["a"], ["b"], []],
            estimates: [
                "a": CountEstimate(value: 3, lower: 2, upper: 4, basis: .model),
                "b": CountEstimate(value: 3, lower: 2.5, upper: 4, basis: .model),
            ])
        #expect(evaluation.goldPerComment == 1)
        #expect(evaluation.countedPerComment == 0.75)
        #expect(evaluation.countedErrors == [1.0 / 3.0, 0])
        #expect(evaluation.estimateErrors == [0, 2])
        #expect(evaluation.coverage == 0.5)
        #expect(evaluation.worstEstimate?.measureID == "b")
    }

    @Test func agreementOnKnownPartitions() {
        // Same partition under other names: perfect.
        let same = ClusterAgreement(gold: ["a", "a", "b", "b"], found: [1, 1, 0, 0])
        #expect(same.nmi == 1 && same.ari == 1)
        // scikit-learn: normalized_mutual_info_score([0,0,1,1],[0,0,0,1]) = 0.3437110184854507,
        // adjusted_rand_score(...) = 0.0 (to rounding).
        let partial = ClusterAgreement(gold: [0, 0, 1, 1], found: [0, 0, 0, 1])
        #expect(abs(partial.nmi - 0.3437110184854507) < 1e-12)
        #expect(abs(partial.ari) < 1e-12)
        // Everything in one cluster against two classes: no information.
        let lumped = ClusterAgreement(gold: [0, 0, 1, 1], found: [5, 5, 5, 5])
        #expect(lumped.nmi == 0 && lumped.ari == 0)
    }
}
