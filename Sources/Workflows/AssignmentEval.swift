import Analytics
import Corpus
import Foundation
import Reports
import TextAnalysis

/// `resonanz eval` for measure assignment: quality against gold labels, the confidence model's
/// reliability, a simulated review loop, and fitting the confidence model itself.
public enum AssignmentEval {
    /// A framework with comments that carry gold `labels`.
    struct LabelledCorpus {
        var framework: Framework
        var ingest: IngestResult
        /// Indices of the comments with a labels field.
        var labelled: [Int]
        var gold: [[String]]
    }

    static func load(framework path: String, comments: [String], read: CommentReadOptions) throws(ResonanzError)
        -> LabelledCorpus
    {
        let framework = try NightlyRun.loadFramework(path)
        let ingest: IngestResult
        do {
            ingest = try CommentReader.read(
                comments.map { URL(fileURLWithPath: $0) }, goalIDs: Set(framework.goals.map(\.id)), options: read)
        } catch {
            throw ResonanzError(error)
        }
        let labelled = ingest.comments.indices.filter { ingest.comments[$0].labelsGiven }
        guard !labelled.isEmpty else {
            throw .badInput("\(comments.joined(separator: ", ")): no gold labels; eval needs a `labels` column or key")
        }
        if !ingest.rejected.isEmpty {
            FileHandle.standardError.write(
                Data(
                    TerminalText.safe(
                        "eval: \(ingest.rejected.count) rows rejected (first: \(ingest.rejected[0].source): \(ingest.rejected[0].reason))")
                        .utf8 + [0x0A]))
        }
        return LabelledCorpus(
            framework: framework, ingest: ingest, labelled: labelled, gold: labelled.map { ingest.comments[$0].labels })
    }

    static func analyse(
        _ corpus: LabelledCorpus, resources: AnalyzerResources, model: ConfidenceModel, pipeline: PipelineConfiguration,
        reviews: [String: ReviewedLabels]
    ) throws(ResonanzError) -> (result: RunResult, assignment: AssignmentRun) {
        let manifest = RunManifest(
            id: "eval", startedAt: "", frameworkID: corpus.framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: pipeline.seed, threads: pipeline.threads, programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
        do {
            return try AnalysisPipeline.runWithAssignment(
                framework: corpus.framework, comments: corpus.ingest.comments, intake: Intake(corpus.ingest),
                resources: resources, manifest: manifest, configuration: pipeline, confidenceModel: model, reviews: reviews)
        } catch {
            throw ResonanzError(error)
        }
    }

    /// Quality of assignment on labelled comments, as JSON; with `learningCurve`, also the
    /// quality after k reviewed comments chosen by the review queue (gold labels as the reviewer).
    public static func evaluate(
        framework: String, comments: [String], resources resourcePath: String?, confidenceModel modelPath: String?,
        read: CommentReadOptions, pipeline: PipelineConfiguration, learningCurve: [Int]
    ) throws(ResonanzError) -> String {
        let corpus = try load(framework: framework, comments: comments, read: read)
        let resources = try ResourceLocator.loadResources(explicit: resourcePath)
        let model = try ResourceLocator.loadConfidenceModel(resources: resourcePath, explicit: modelPath)
        let (result, assignment) = try analyse(corpus, resources: resources, model: model, pipeline: pipeline, reviews: [:])
        let measureIDs = corpus.framework.measures.map(\.id)
        let predicted = corpus.labelled.map { predictedLabels(result.comments[$0]) }
        let evaluation = AssignmentEvaluation(gold: corpus.gold, predicted: predicted, measureIDs: measureIDs)
        // Every (labelled comment, measure) pair: its confidence, and whether the gold has it.
        var confidences: [Double] = []
        var outcomes: [Bool] = []
        var tool: [Bool] = []
        for (position, row) in corpus.labelled.enumerated() {
            let gold = Set(corpus.gold[position])
            let pairs = assignment.features.pairs(comment: row)
            for (column, measure) in measureIDs.enumerated() {
                confidences.append(assignment.confidenceModel.probability(pairs[column][...]))
                outcomes.append(gold.contains(measure))
                tool.append(predicted[position].contains(measure))
            }
        }
        let listed = corpus.labelled.enumerated().flatMap { position, row in
            result.comments[row].assignments.map { (confidence: $0.confidence, right: corpus.gold[position].contains($0.measureID)) }
        }
        // Routing: comments whose gold names a measure outside the goal they were posted under.
        let goalOf = Dictionary(uniqueKeysWithValues: corpus.framework.measures.map { ($0.id, $0.goalID) })
        var routing = EvaluationRenderer.Routing()
        for (position, row) in corpus.labelled.enumerated() {
            guard let posted = corpus.ingest.comments[row].goal else { continue }
            let goldOutside = Set(corpus.gold[position].filter { goalOf[$0] != posted })
            let routed = Set(predicted[position].filter { goalOf[$0] != posted })
            if !goldOutside.isEmpty { routing.goldOutside += 1 }
            if !routed.isEmpty { routing.routed += 1 }
            if !routed.isDisjoint(with: goldOutside) { routing.routedRight += 1 }
        }
        var curve: [EvaluationRenderer.LearningPoint] = []
        if !learningCurve.isEmpty {
            curve = try simulateReview(
                corpus, resources: resources, model: model, pipeline: pipeline, steps: learningCurve, start: result)
        }
        return EvaluationRenderer.assignment(
            EvaluationRenderer.AssignmentReport(
                framework: corpus.framework.id, threshold: pipeline.assignment.assignAt, evaluation: evaluation,
                reliability: ReliabilityTable(confidences: confidences, outcomes: outcomes),
                listedReliability: ReliabilityTable(confidences: listed.map(\.confidence), outcomes: listed.map(\.right)),
                confusion: ConfusionMatrix(gold: corpus.gold, predicted: predicted, measureIDs: measureIDs),
                pairKappa: CohenKappa.kappa(tool, outcomes),
                primaryKappa: CohenKappa.kappa(
                    predicted.map { $0.first ?? ConfusionMatrix.none }, corpus.gold.map { $0.first ?? ConfusionMatrix.none }),
                confidenceFittedOn: model.fittedOn, routing: routing, learningCurve: curve))
    }

    /// What a report counts for a comment: its assigned measures, none when uncertain or unassigned.
    static func predictedLabels(_ comment: CommentResult) -> [String] {
        comment.status == .assigned ? comment.assignments.map(\.measureID) : []
    }

    /// The review loop with the gold labels as the reviewer: at each step the queue of the latest
    /// run picks the next comments; the reviewer accepts their gold measures and rejects the
    /// other measures the tool listed. Scores count only comments not reviewed yet.
    static func simulateReview(
        _ corpus: LabelledCorpus, resources: AnalyzerResources, model: ConfidenceModel, pipeline: PipelineConfiguration,
        steps: [Int], start: RunResult
    ) throws(ResonanzError) -> [EvaluationRenderer.LearningPoint] {
        let goldByID = Dictionary(
            corpus.labelled.enumerated().map { (corpus.ingest.comments[$1].id, corpus.gold[$0]) }, uniquingKeysWith: { first, _ in first })
        var reviews: [String: ReviewedLabels] = [:]
        var latest = start
        var points: [EvaluationRenderer.LearningPoint] = []
        for target in steps.sorted() {
            let labelledComments = latest.comments.filter { goldByID[$0.id] != nil }
            let picks = ReviewQueue.rank(
                labelledComments, assignAt: pipeline.assignment.assignAt, reviewed: Set(reviews.keys),
                limit: max(0, target - reviews.count))
            for index in picks {
                let comment = labelledComments[index]
                let gold = Set(goldByID[comment.id] ?? [])
                reviews[comment.id] = ReviewedLabels(
                    accepted: gold, rejected: Set(comment.assignments.map(\.measureID)).subtracting(gold))
            }
            if !reviews.isEmpty {
                latest = try analyse(corpus, resources: resources, model: model, pipeline: pipeline, reviews: reviews).result
            }
            let remaining = corpus.labelled.enumerated().filter { reviews[corpus.ingest.comments[$0.element].id] == nil }
            let evaluation = AssignmentEvaluation(
                gold: remaining.map { corpus.gold[$0.offset] },
                predicted: remaining.map { predictedLabels(latest.comments[$0.element]) },
                measureIDs: corpus.framework.measures.map(\.id))
            points.append(EvaluationRenderer.LearningPoint(reviewed: reviews.count, evaluatedOn: remaining.count, evaluation: evaluation))
        }
        return points
    }

    /// Fits the confidence model on every (labelled comment, measure) pair of `corpora` and
    /// writes it to `output`; returns a one-line summary.
    public static func fitConfidenceModel(
        corpora: [(framework: String, comments: [String])], resources resourcePath: String?, read: CommentReadOptions,
        pipeline: PipelineConfiguration, output: String
    ) throws(ResonanzError) -> String {
        let resources = try ResourceLocator.loadResources(explicit: resourcePath)
        // Features do not depend on the model's weights, so any start gives the same samples.
        let start = ConfidenceModel(weights: PairFeatures.names.map { _ in 0 }, fittedOn: [], pairs: 0)
        var samples: [[Double]] = []
        var labels: [Bool] = []
        var names: [String] = []
        for (framework, comments) in corpora {
            let corpus = try load(framework: framework, comments: comments, read: read)
            let (_, assignment) = try analyse(corpus, resources: resources, model: start, pipeline: pipeline, reviews: [:])
            for (position, row) in corpus.labelled.enumerated() {
                let gold = Set(corpus.gold[position])
                let pairs = assignment.features.pairs(comment: row)
                for (column, measure) in assignment.measureIDs.enumerated() {
                    samples.append(pairs[column])
                    labels.append(gold.contains(measure))
                }
            }
            names.append("\(corpus.framework.id) (\(corpus.labelled.count) comments)")
        }
        let model = ConfidenceModel(
            weights: ConfidenceModel.fit(samples: samples, labels: labels), fittedOn: names, pairs: samples.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(model)
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true)
            try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw .failed("\(output): cannot write the model: \(error.localizedDescription)")
        }
        let weights = zip(model.features, model.weights).map { "\($0)=\(String(format: "%.3f", $1))" }.joined(separator: " ")
        return "fitted on \(samples.count) pairs of \(names.joined(separator: ", ")): \(weights)\n"
    }
}
