import Analytics
import Corpus
import Foundation
import Reports
import TextAnalysis
import Workflows

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

    /// The corpus, its gold labels renamed by `labelMap` (a label mapped to "" is dropped). A
    /// label that is then no measure of the framework is an error naming each such label with
    /// how often it occurs: scored as it is, it would make every figure zero without a word.
    static func load(
        framework path: String, comments: [String], read: CommentReadOptions, labelMap: [String: String] = [:]
    )
        throws(ResonanzError) -> LabelledCorpus
    {
        let framework = try NightlyRun.loadFramework(path)
        var ingest: IngestResult
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
        let measures = Set(framework.measures.map(\.id))
        var unknown: [String: Int] = [:]
        for index in labelled {
            let mapped = ingest.comments[index].labels.compactMap { label -> String? in
                let renamed = labelMap[label] ?? label
                return renamed.isEmpty ? nil : renamed
            }
            for label in mapped where !measures.contains(label) { unknown[label, default: 0] += 1 }
            ingest.comments[index].labels = Array(Set(mapped)).sorted()
        }
        if !unknown.isEmpty {
            let listed = unknown.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let names = listed.prefix(10).map { "\(Untrusted.quoted($0.key)) (\($0.value)×)" }.joined(separator: ", ")
            throw .badInput(
                "\(comments.joined(separator: ", ")): \(unknown.count) gold \(unknown.count == 1 ? "label is" : "labels are") no measure of "
                    + "\(path): \(names)\(unknown.count > 10 ? ", …" : ""); map them to measure ids with a label map "
                    + "(lines `label = measure-id`; `label =` drops a label)")
        }
        if !ingest.rejected.isEmpty {
            FileHandle.standardError.write(
                Data(
                    TerminalText.safe(
                        "eval: \(ingest.rejected.count) rows rejected (first: \(ingest.rejected[0].source): \(ingest.rejected[0].reason))"
                    )
                    .utf8 + [0x0A]))
        }
        return LabelledCorpus(
            framework: framework, ingest: ingest, labelled: labelled, gold: labelled.map { ingest.comments[$0].labels })
    }

    /// A label map file: one `label = measure-id` per line (also `;`, `,` or a tab between them;
    /// an empty measure id drops the label); blank lines and lines starting with `#` are skipped.
    public static func readLabelMap(_ path: String) throws(ResonanzError) -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .badInput("\(path): cannot read the label map: \(error.localizedDescription)")
        }
        var map: [String: String] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let separator = trimmed.firstIndex(where: { "=;,\t".contains($0) }) else {
                throw .badInput("\(path):\(offset + 1): expected `label = measure-id`, found \(Untrusted.quoted(trimmed))")
            }
            let label = trimmed[..<separator].trimmingCharacters(in: .whitespaces)
            let measure = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else { throw .badInput("\(path):\(offset + 1): a label map line without a label") }
            map[label] = measure
        }
        return map
    }

    static func analyse(
        _ corpus: LabelledCorpus, resources: AnalyzerResources, model: ConfidenceModel, pipeline: PipelineConfiguration,
        reviews: [String: ReviewedLabels], audit: AuditPlan? = nil
    ) throws(ResonanzError) -> (result: RunResult, assignment: AssignmentRun) {
        let manifest = RunManifest(
            id: "eval", startedAt: "", frameworkID: corpus.framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: pipeline.seed, threads: pipeline.threads, programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
        do {
            return try AnalysisPipeline.runWithAssignment(
                framework: corpus.framework, comments: corpus.ingest.comments, intake: Intake(corpus.ingest),
                resources: resources, manifest: manifest, configuration: pipeline, confidenceModel: model, reviews: reviews,
                audit: audit)
        } catch {
            throw ResonanzError(error)
        }
    }

    /// Quality of assignment on labelled comments, as JSON; with `learningCurve`, also the
    /// quality after k reviewed comments chosen by the review queue (gold labels as the reviewer).
    public static func evaluate(
        framework: String, comments: [String], resources resourcePath: String?, confidenceModel modelPath: String?,
        read: CommentReadOptions, pipeline: PipelineConfiguration, learningCurve: [Int], dumpPairs: String? = nil,
        audit: (size: Int, repeats: Int)? = nil, labelMap: [String: String] = [:]
    ) throws(ResonanzError) -> String {
        let corpus = try load(framework: framework, comments: comments, read: read, labelMap: labelMap)
        let resources = try ResourceLocator.loadResources(explicit: resourcePath)
        let model = try ResourceLocator.loadConfidenceModel(resources: resourcePath, explicit: modelPath)
        let (result, assignment) = try analyse(corpus, resources: resources, model: model, pipeline: pipeline, reviews: [:])
        if let dumpPairs { try writePairs(corpus, assignment: assignment, to: dumpPairs) }
        let measureIDs = corpus.framework.measures.map(\.id)
        let predicted = corpus.labelled.map { predictedLabels(result.comments[$0]) }
        let evaluation = AssignmentEvaluation(gold: corpus.gold, predicted: predicted, measureIDs: measureIDs)
        // Every (labelled comment, measure) pair: its confidence, and whether the gold has it.
        var confidences: [Double] = []
        var outcomes: [Bool] = []
        var tool: [Bool] = []
        for (position, row) in corpus.labelled.enumerated() {
            let gold = Set(corpus.gold[position])
            let probabilities = assignment.probabilities(row)
            for (column, measure) in measureIDs.enumerated() {
                confidences.append(probabilities[column])
                outcomes.append(gold.contains(measure))
                tool.append(predicted[position].contains(measure))
            }
        }
        let listed = corpus.labelled.enumerated().flatMap { position, row in
            result.comments[row].assignments.map {
                (confidence: $0.confidence, right: corpus.gold[position].contains($0.measureID))
            }
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
        // The goal of each comment's first assigned measure against its gold measures' goals.
        for position in corpus.labelled.indices where !corpus.gold[position].isEmpty {
            routing.withGold += 1
            let goldGoals = Set(corpus.gold[position].compactMap { goalOf[$0] })
            if let first = predicted[position].first, let goal = goalOf[first], goldGoals.contains(goal) {
                routing.rightGoal += 1
            }
        }
        var curve: [EvaluationRenderer.LearningPoint] = []
        if !learningCurve.isEmpty {
            curve = try simulateReview(
                corpus, resources: resources, model: model, pipeline: pipeline, steps: learningCurve, start: result)
        }
        var audits: [CountEvaluation] = []
        if let audit {
            audits = try simulateAudit(
                corpus, resources: resources, model: model, pipeline: pipeline, start: result, size: audit.size,
                repeats: audit.repeats)
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
                confidenceFittedOn: model.fittedOn, routing: routing, learningCurve: curve,
                counts: counts(corpus, result: result), audits: audits, agreementRate: assignment.features.agreementRate))
    }

    /// The counts of `result` against the gold counts (nil unless every comment carries gold labels:
    /// the estimates are over all comments).
    static func counts(_ corpus: LabelledCorpus, result: RunResult) -> CountEvaluation? {
        guard corpus.labelled.count == corpus.ingest.comments.count else { return nil }
        var estimates: [String: CountEstimate] = [:]
        for measure in result.goals.flatMap(\.measures) { estimates[measure.id] = measure.estimate }
        return CountEvaluation(
            measureIDs: corpus.framework.measures.map(\.id), gold: corpus.gold,
            counted: corpus.labelled.map { predictedLabels(result.comments[$0]) }, estimates: estimates)
    }

    /// Audits of `size` comments drawn from the zero-shot result with seeds 1, 2, …, `repeats`,
    /// the gold labels as the reviewers' complete coding; each audited run is scored on its counts.
    static func simulateAudit(
        _ corpus: LabelledCorpus, resources: AnalyzerResources, model: ConfidenceModel, pipeline: PipelineConfiguration,
        start: RunResult, size: Int, repeats: Int
    ) throws(ResonanzError) -> [CountEvaluation] {
        let strata = start.comments.map { $0.status == .assigned ? ($0.assignments.first?.measureID ?? "") : "" }
        let goldByID = Dictionary(
            corpus.labelled.enumerated().map { (corpus.ingest.comments[$1].id, corpus.gold[$0]) },
            uniquingKeysWith: { first, _ in first })
        var evaluations: [CountEvaluation] = []
        for repeat_ in 1...max(repeats, 1) {
            let (draws, sizes) = AuditSampler.draw(strata: strata, size: size, seed: UInt64(repeat_))
            var reviews: [String: ReviewedLabels] = [:]
            var sampled: [String: String] = [:]
            for draw in draws {
                let id = start.comments[draw.index].id
                sampled[id] = draw.stratum
                reviews[id] = ReviewedLabels(accepted: Set(goldByID[id] ?? []), rejected: [ReviewDecision.everyMeasure])
            }
            let plan = AuditPlan(sampled: sampled, stratumSizes: sizes, frame: Set(start.comments.map(\.id)))
            let audited = try analyse(
                corpus, resources: resources, model: model, pipeline: pipeline, reviews: reviews, audit: plan)
            if let evaluation = counts(corpus, result: audited.result) { evaluations.append(evaluation) }
        }
        return evaluations
    }

    /// One JSON line per labelled comment with the raw signals of every measure and the gold
    /// labels (`--dump-pairs`), for studying confidence and decision rules outside the tool.
    static func writePairs(_ corpus: LabelledCorpus, assignment: AssignmentRun, to path: String) throws(ResonanzError) {
        var lines = ""
        for (position, row) in corpus.labelled.enumerated() {
            let signals = assignment.features.signals(row)
            let comment = corpus.ingest.comments[row]
            lines +=
                JSONWriter.compact(
                    .object([
                        JSONMember("id", .string(comment.id)), JSONMember("goal", .optional(comment.goal)),
                        JSONMember("gold", .array(corpus.gold[position].map { .string($0) })),
                        JSONMember("length", .int(signals.length)),
                        JSONMember("measures", .array(assignment.measureIDs.map { .string($0) })),
                        JSONMember("measure_goals", .array(corpus.framework.measures.map { .string($0.goalID) })),
                        JSONMember("bm25", .array(signals.scores.map { .decimal($0, places: 5) })),
                        JSONMember("matched", .array(signals.matched.map { .int(Int($0)) })),
                        JSONMember("nb", .array(signals.likelihoods.map { .decimal($0, places: 5) })),
                    ])) + "\n"
        }
        try FileOutput.write(lines, to: URL(fileURLWithPath: path))
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
            corpus.labelled.enumerated().map { (corpus.ingest.comments[$1].id, corpus.gold[$0]) },
            uniquingKeysWith: { first, _ in first })
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
            points.append(
                EvaluationRenderer.LearningPoint(
                    reviewed: reviews.count, evaluatedOn: remaining.count, evaluation: evaluation,
                    counts: counts(corpus, result: latest)))
        }
        return points
    }

    /// Fits the confidence model on every scored (labelled comment, measure) pair of `corpora`, each
    /// corpus with the same total weight, and writes it to `output`; returns a one-line summary.
    /// With two or more corpora it also fits the count interval (``ConfidenceModel/countSpread``)
    /// by cross-fitting: each corpus's counts (pairs at or above the threshold) come from weights
    /// fitted on the others, and ``CountSpread/fit(_:)`` takes `(true + 1) / (counted + 1)` of
    /// every measure with a gold comment, with its corpus's agreement rate.
    public static func fitConfidenceModel(
        corpora: [(framework: String, comments: [String])], resources resourcePath: String?, read: CommentReadOptions,
        pipeline: PipelineConfiguration, output: String
    ) throws(ResonanzError) -> String {
        let resources = try ResourceLocator.loadResources(explicit: resourcePath)
        // Features do not depend on the model's weights, so any start gives the same samples.
        let start = ConfidenceModel(weights: PairFeatures.names.map { _ in 0 }, fittedOn: [], pairs: 0)
        struct CorpusSamples {
            var samples: [[Double]] = []
            var labels: [Bool] = []
            /// Per sample, its measure's column; and per measure the gold count.
            var columns: [Int] = []
            var goldCounts: [Int] = []
            var agreementRate = 0.0
        }
        var perCorpus: [CorpusSamples] = []
        var names: [String] = []
        for (framework, comments) in corpora {
            let corpus = try load(framework: framework, comments: comments, read: read)
            let (_, assignment) = try analyse(corpus, resources: resources, model: start, pipeline: pipeline, reviews: [:])
            var collected = CorpusSamples()
            collected.agreementRate = assignment.features.agreementRate
            collected.goldCounts = assignment.measureIDs.map { measure in corpus.gold.filter { $0.contains(measure) }.count }
            for (position, row) in corpus.labelled.enumerated() {
                let gold = Set(corpus.gold[position])
                let pairs = assignment.features.pairs(comment: row)
                for (column, measure) in assignment.measureIDs.enumerated() where assignment.features.isScored(row, column) {
                    collected.samples.append(pairs[column])
                    collected.labels.append(gold.contains(measure))
                    collected.columns.append(column)
                }
            }
            perCorpus.append(collected)
            names.append(ConfidenceModel.fittedOnEntry(corpus: corpus.framework.id, comments: corpus.labelled.count))
        }
        let samples = perCorpus.flatMap(\.samples)
        let labels = perCorpus.flatMap(\.labels)
        /// Every corpus weighs as much as 10,000 pairs, whatever its size.
        func corpusWeights(_ indices: [Int]) -> [Double] {
            indices.flatMap { index in
                [Double](
                    repeating: 10_000 / Double(max(perCorpus[index].samples.count, 1)), count: perCorpus[index].samples.count)
            }
        }
        var spreadCorpora: [CountSpread.Corpus] = []
        var errors: [Double] = []
        if perCorpus.count >= 2 {
            for held in perCorpus.indices {
                let others = perCorpus.indices.filter { $0 != held }
                let weights = ConfidenceModel.fit(
                    samples: others.flatMap { perCorpus[$0].samples }, labels: others.flatMap { perCorpus[$0].labels },
                    weights: corpusWeights(others))
                let model = ConfidenceModel(weights: weights, fittedOn: [], pairs: 0)
                // What the report would count: pairs at or above the threshold.
                var counted = [Double](repeating: 0, count: perCorpus[held].goldCounts.count)
                for (sample, column) in zip(perCorpus[held].samples, perCorpus[held].columns)
                where model.probability(sample[...]) >= pipeline.assignment.assignAt {
                    counted[column] += 1
                }
                var ratios: [Double] = []
                for (column, gold) in perCorpus[held].goldCounts.enumerated() where gold > 0 {
                    ratios.append((Double(gold) + 1) / (counted[column] + 1))
                    errors.append(abs(counted[column] - Double(gold)) / Double(gold))
                }
                spreadCorpora.append(CountSpread.Corpus(ratios: ratios, agreementRate: perCorpus[held].agreementRate))
            }
        }
        let spread = CountSpread.fit(spreadCorpora)
        errors.sort()
        let model = ConfidenceModel(
            weights: ConfidenceModel.fit(samples: samples, labels: labels, weights: corpusWeights(Array(perCorpus.indices))),
            fittedOn: names, pairs: samples.count,
            countSpread: spread, countMedianError: errors.isEmpty ? nil : Quantile.linear(errors, 0.5))
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
        let factorText =
            spread.map {
                " count spread k=\(String(format: "%.3f", $0.quantile)) floor=\(String(format: "%.2f", $0.floor))"
                    + " (factors \(String(format: "%.2f", $0.factors(agreementRate: 0.75)[0]))…"
                    + "\(String(format: "%.2f", $0.factors(agreementRate: 0.75)[1])) at agreement 0.75)"
            } ?? ""
        return "fitted on \(samples.count) pairs of \(names.joined(separator: ", ")): \(weights)\(factorText)\n"
    }
}
