import Analytics

/// Renders the JSON that `resonanz eval` prints.
public enum EvaluationRenderer {
    /// One stemmer variant's scores on one gold standard.
    public struct StemmerResult: Sendable {
        public var goldStandard: String
        /// Variant name (`cistem`, `cistem_case_insensitive`) and its scores, in print order.
        public var variants: [(name: String, score: StemmerEvaluation)]

        public init(goldStandard: String, variants: [(name: String, score: StemmerEvaluation)]) {
            self.goldStandard = goldStandard
            self.variants = variants
        }
    }

    public static func stemmer(_ results: [StemmerResult]) -> String {
        let values = results.map { result -> JSONValue in
            let first = result.variants.first?.score
            var members = [
                JSONMember("gold_standard", .string(result.goldStandard)),
                JSONMember("clusters", .int(first?.clusters ?? 0)),
                JSONMember("words", .int(first?.words ?? 0)),
            ]
            for (name, score) in result.variants {
                members.append(
                    JSONMember(
                        name,
                        .object([
                            JSONMember("precision", number(score.precision)), JSONMember("recall", number(score.recall)),
                            JSONMember("f1", number(score.f1)),
                        ])))
            }
            return .object(members)
        }
        return JSONWriter.pretty(
            .object([JSONMember("metric", .string("macro P/R/F1 over gold clusters")), JSONMember("results", .array(values))]))
    }

    public static func assignment(_ evaluation: AssignmentEvaluation, framework: String, threshold: Double) -> String {
        JSONWriter.pretty(
            .object([
                JSONMember("framework", .string(framework)),
                JSONMember("comments", .int(evaluation.comments)),
                JSONMember("comments_with_labels", .int(evaluation.commentsWithLabels)),
                JSONMember("threshold", number(threshold)),
                JSONMember("top1_accuracy", number(evaluation.top1Accuracy)),
                JSONMember("micro_precision", number(evaluation.microPrecision)),
                JSONMember("micro_recall", number(evaluation.microRecall)),
                JSONMember("micro_f1", number(evaluation.microF1)),
                JSONMember("macro_f1", number(evaluation.macroF1)),
                JSONMember("abstention_rate", number(evaluation.abstentionRate)),
                JSONMember("no_measure_precision", number(evaluation.noMeasurePrecision)),
                JSONMember("no_measure_recall", number(evaluation.noMeasureRecall)),
                JSONMember(
                    "per_measure",
                    .array(evaluation.perMeasure.map { score in
                        .object([
                            JSONMember("measure", .string(score.measureID)), JSONMember("gold", .int(score.gold)),
                            JSONMember("predicted", .int(score.predicted)), JSONMember("correct", .int(score.correct)),
                            JSONMember("precision", number(score.precision)), JSONMember("recall", number(score.recall)),
                            JSONMember("f1", number(score.f1)),
                        ])
                    })),
            ]))
    }

    private static func number(_ value: Double) -> JSONValue { .decimal(value, places: 4) }
}
