import Analytics
import Testing

/// Tests ``StemmerEvaluation`` and ``AssignmentEvaluation`` on hand-checked examples.
struct EvaluationTests {
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
}
