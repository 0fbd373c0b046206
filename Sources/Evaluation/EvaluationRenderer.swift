import Analytics
import Reports

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

    /// One step of the simulated review loop.
    public struct LearningPoint: Sendable {
        public var reviewed: Int
        /// Labelled comments not reviewed, on which the step is scored.
        public var evaluatedOn: Int
        public var evaluation: AssignmentEvaluation
        /// The counts of the whole run (reviewed comments included) against the gold counts.
        public var counts: CountEvaluation?

        public init(reviewed: Int, evaluatedOn: Int, evaluation: AssignmentEvaluation, counts: CountEvaluation? = nil) {
            self.reviewed = reviewed
            self.evaluatedOn = evaluatedOn
            self.evaluation = evaluation
            self.counts = counts
        }
    }

    /// Comments posted under one goal whose gold names a measure of another.
    public struct Routing: Sendable, Equatable {
        /// Comments whose gold has a measure outside the posted goal.
        public var goldOutside = 0
        /// Comments the tool assigned to a measure outside the posted goal.
        public var routed = 0
        /// Of those, the ones where such a measure is in the gold.
        public var routedRight = 0
        /// Comments with gold measures, and those whose first assigned measure lies in a goal of
        /// one of them.
        public var withGold = 0
        public var rightGoal = 0

        public init() {}
    }

    /// Everything `resonanz eval` prints about assignment.
    public struct AssignmentReport: Sendable {
        public var framework: String
        public var threshold: Double
        public var evaluation: AssignmentEvaluation
        /// Over every (labelled comment, measure) pair.
        public var reliability: ReliabilityTable
        /// Over the assignments the report lists (assigned and uncertain candidates).
        public var listedReliability: ReliabilityTable
        public var confusion: ConfusionMatrix
        /// Tool vs gold over (comment, measure) pairs: assigned or not.
        public var pairKappa: Double
        /// Tool vs gold on each comment's first measure (or none).
        public var primaryKappa: Double
        public var confidenceFittedOn: [String]
        public var routing: Routing
        public var learningCurve: [LearningPoint]
        /// The zero-shot counts against the gold counts; nil when not every comment is labelled.
        public var counts: CountEvaluation?
        /// The counts after each simulated audit.
        public var audits: [CountEvaluation]
        /// Share of comments whose BM25 and Naive Bayes favourites agree (``PairFeatures``).
        public var agreementRate: Double

        public init(
            framework: String, threshold: Double, evaluation: AssignmentEvaluation, reliability: ReliabilityTable,
            listedReliability: ReliabilityTable, confusion: ConfusionMatrix, pairKappa: Double, primaryKappa: Double,
            confidenceFittedOn: [String], routing: Routing, learningCurve: [LearningPoint], counts: CountEvaluation? = nil,
            audits: [CountEvaluation] = [], agreementRate: Double = 0
        ) {
            self.counts = counts
            self.audits = audits
            self.agreementRate = agreementRate
            self.routing = routing
            self.framework = framework
            self.threshold = threshold
            self.evaluation = evaluation
            self.reliability = reliability
            self.listedReliability = listedReliability
            self.confusion = confusion
            self.pairKappa = pairKappa
            self.primaryKappa = primaryKappa
            self.confidenceFittedOn = confidenceFittedOn
            self.learningCurve = learningCurve
        }
    }

    public static func assignment(_ report: AssignmentReport) -> String {
        let evaluation = report.evaluation
        var members = [
            JSONMember("framework", .string(report.framework)),
            JSONMember("comments", .int(evaluation.comments)),
            JSONMember("comments_with_labels", .int(evaluation.commentsWithLabels)),
            JSONMember("threshold", number(report.threshold)),
            JSONMember("confidence_fitted_on", .array(report.confidenceFittedOn.map { .string($0) })),
        ]
        members += metrics(evaluation)
        members.append(JSONMember("agreement_rate", number(report.agreementRate)))
        if let counts = report.counts { members.append(JSONMember("counts", countMetrics(counts))) }
        if !report.audits.isEmpty {
            members.append(
                JSONMember(
                    "audit",
                    .object([
                        JSONMember("repeats", .int(report.audits.count)),
                        JSONMember(
                            "audited_comments",
                            .int(report.audits.first?.measures.compactMap { $0.estimate?.auditedComments }.max() ?? 0)),
                        JSONMember("median_estimate_error", number(mean(report.audits.map(\.medianEstimateError)))),
                        JSONMember("coverage", number(mean(report.audits.map(\.coverage)))),
                        JSONMember("median_interval_width", number(mean(report.audits.map(\.medianIntervalWidth)))),
                        JSONMember("runs", .array(report.audits.map(countMetrics))),
                    ])))
        }
        members += [
            JSONMember("kappa_pairs", number(report.pairKappa)),
            JSONMember("kappa_first_measure", number(report.primaryKappa)),
            JSONMember(
                "per_measure",
                .array(
                    evaluation.perMeasure.map { score in
                        .object([
                            JSONMember("measure", .string(score.measureID)), JSONMember("gold", .int(score.gold)),
                            JSONMember("predicted", .int(score.predicted)), JSONMember("correct", .int(score.correct)),
                            JSONMember("precision", number(score.precision)), JSONMember("recall", number(score.recall)),
                            JSONMember("f1", number(score.f1)),
                        ])
                    })),
            JSONMember(
                "routing",
                .object([
                    JSONMember("gold_outside_posted_goal", .int(report.routing.goldOutside)),
                    JSONMember("routed", .int(report.routing.routed)),
                    JSONMember("routed_right", .int(report.routing.routedRight)),
                    JSONMember(
                        "goal_accuracy",
                        number(
                            report.routing.withGold > 0 ? Double(report.routing.rightGoal) / Double(report.routing.withGold) : 0)),
                ])),
            JSONMember("reliability_all_pairs", reliability(report.reliability)),
            JSONMember("reliability_listed", reliability(report.listedReliability)),
            JSONMember(
                "confusion",
                .object([
                    JSONMember("rows_gold_columns_first_predicted", .array(report.confusion.labels.map { .string($0) })),
                    JSONMember("counts", .array(report.confusion.counts.map { .array($0.map { .int($0) }) })),
                ])),
        ]
        if !report.learningCurve.isEmpty {
            members.append(
                JSONMember(
                    "learning_curve",
                    .array(
                        report.learningCurve.map { point in
                            .object(
                                [
                                    JSONMember("reviewed", .int(point.reviewed)),
                                    JSONMember("evaluated_on", .int(point.evaluatedOn)),
                                ]
                                    + metrics(point.evaluation)
                                    + (point.counts.map { [JSONMember("counts", countMetrics($0))] } ?? []))
                        })))
        }
        return JSONWriter.pretty(.object(members))
    }

    private static func metrics(_ evaluation: AssignmentEvaluation) -> [JSONMember] {
        [
            JSONMember("top1_accuracy", number(evaluation.top1Accuracy)),
            JSONMember("micro_precision", number(evaluation.microPrecision)),
            JSONMember("micro_recall", number(evaluation.microRecall)),
            JSONMember("micro_f1", number(evaluation.microF1)),
            JSONMember("macro_f1", number(evaluation.macroF1)),
            JSONMember("abstention_rate", number(evaluation.abstentionRate)),
            JSONMember("no_measure_precision", number(evaluation.noMeasurePrecision)),
            JSONMember("no_measure_recall", number(evaluation.noMeasureRecall)),
        ]
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    private static func countMetrics(_ counts: CountEvaluation) -> JSONValue {
        func worst(_ measure: CountEvaluation.Measure?, _ value: Double?) -> JSONValue {
            guard let measure else { return .null }
            return .object([
                JSONMember("measure", .string(measure.measureID)), JSONMember("gold", .int(measure.gold)),
                JSONMember("stated", value.map(number) ?? .null),
            ])
        }
        return .object([
            JSONMember("gold_per_comment", number(counts.goldPerComment)),
            JSONMember("counted_per_comment", number(counts.countedPerComment)),
            JSONMember("median_counted_error", number(counts.medianCountedError)),
            JSONMember("worst_counted", worst(counts.worstCounted, counts.worstCounted.map { Double($0.counted) })),
            JSONMember("median_estimate_error", number(counts.medianEstimateError)),
            JSONMember("worst_estimate", worst(counts.worstEstimate, counts.worstEstimate?.estimate?.value)),
            JSONMember("coverage", number(counts.coverage)),
            JSONMember("median_interval_width", number(counts.medianIntervalWidth)),
            JSONMember(
                "per_measure",
                .array(
                    counts.measures.map { measure in
                        .object([
                            JSONMember("measure", .string(measure.measureID)), JSONMember("gold", .int(measure.gold)),
                            JSONMember("counted", .int(measure.counted)),
                            JSONMember("estimate", measure.estimate.map { number($0.value) } ?? .null),
                            JSONMember("lower", measure.estimate.map { number($0.lower) } ?? .null),
                            JSONMember("upper", measure.estimate.map { number($0.upper) } ?? .null),
                        ])
                    })),
        ])
    }

    private static func reliability(_ table: ReliabilityTable) -> JSONValue {
        .object([
            JSONMember("pairs", .int(table.count)),
            JSONMember("expected_calibration_error", number(table.expectedCalibrationError)),
            JSONMember(
                "bins",
                .array(
                    table.bins.filter { $0.count > 0 }.map { bin in
                        .object([
                            JSONMember("from", number(bin.lower)), JSONMember("to", number(bin.upper)),
                            JSONMember("count", .int(bin.count)), JSONMember("mean_confidence", number(bin.meanConfidence)),
                            JSONMember("accuracy", number(bin.accuracy)),
                        ])
                    })),
        ])
    }

    /// What `resonanz eval topics` prints.
    public struct TopicReport: Sendable {
        public var file: String
        public var documents: Int
        public var skipped: Int
        public var goldClasses: Int
        public var clustersFound: Int
        public var nmi: Double
        public var ari: Double
        /// Mean NPMI of the top-10 terms of the clusters with 3 or more documents.
        public var npmi: Double
        public var clusterer: String
        /// The clusterer's settings, in the order printed.
        public var settings: [(String, Double)]
        public var seed: UInt64
        public var keptSeed: UInt64
        /// K chosen by ``TopicCountSelection`` (nil when given).
        public var chosenClusters: Int?
        /// Mean ARI against the results of other seeds, and of 90 % subsamples (nil: not measured).
        public var seedARI: Double?
        public var subsampleARI: Double?

        public init(
            file: String, documents: Int, skipped: Int, goldClasses: Int, clustersFound: Int, nmi: Double, ari: Double,
            npmi: Double, clusterer: String, settings: [(String, Double)], seed: UInt64, keptSeed: UInt64,
            chosenClusters: Int? = nil, seedARI: Double? = nil, subsampleARI: Double? = nil
        ) {
            self.chosenClusters = chosenClusters
            self.seedARI = seedARI
            self.subsampleARI = subsampleARI
            self.settings = settings
            self.npmi = npmi
            self.file = file
            self.documents = documents
            self.skipped = skipped
            self.goldClasses = goldClasses
            self.clustersFound = clustersFound
            self.nmi = nmi
            self.ari = ari
            self.clusterer = clusterer
            self.seed = seed
            self.keptSeed = keptSeed
        }
    }

    public static func topics(_ report: TopicReport) -> String {
        JSONWriter.pretty(
            .object([
                JSONMember("file", .string(report.file)),
                JSONMember("documents", .int(report.documents)),
                JSONMember("skipped_without_label", .int(report.skipped)),
                JSONMember("gold_classes", .int(report.goldClasses)),
                JSONMember("clusterer", .string(report.clusterer)),
                JSONMember("settings", .object(report.settings.map { JSONMember($0.0, number($0.1)) })),
                JSONMember("seed", .string(String(report.seed))),
                JSONMember("kept_seed", .string(String(report.keptSeed))),
                JSONMember("clusters_found", .int(report.clustersFound)),
                JSONMember("nmi", number(report.nmi)),
                JSONMember("ari", number(report.ari)),
                JSONMember("npmi_mean", number(report.npmi)),
                JSONMember("chosen_clusters", .optional(report.chosenClusters)),
                JSONMember("stability_seeds_ari", report.seedARI.map(number) ?? .null),
                JSONMember("stability_subsample_ari", report.subsampleARI.map(number) ?? .null),
            ]))
    }

    private static func number(_ value: Double) -> JSONValue { .decimal(value, places: 4) }
}
