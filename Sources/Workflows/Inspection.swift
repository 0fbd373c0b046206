import Analytics
import Corpus
import Foundation
import Reports
import TextAnalysis

/// `resonanz tokenize` and `resonanz eval`.
public enum Inspection {
    /// The analyzer's view of `text`, as JSON or as a table.
    public static func tokenize(_ text: String, json: Bool, resources: String?) throws(ResonanzError) -> String {
        let loaded = try ResourceLocator.loadResources(explicit: resources)
        let tokens: [Token]
        do {
            tokens = try Analyzer.analyzeGerman(text, resources: loaded)
        } catch {
            throw ResonanzError(error)
        }
        return json ? TokenRenderer.json(tokens) : TokenRenderer.table(tokens)
    }

    /// Scores CISTEM on gold-standard files (one cluster of word forms per line) and returns a
    /// JSON report with the macro figures per file, for the published case-sensitive variant and
    /// for the case-insensitive variant Resonanz uses on comments.
    public static func evaluateStemmer(goldFiles: [String]) throws(ResonanzError) -> String {
        var results: [JSONValue] = []
        for path in goldFiles {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw .badInput("\(path): cannot read: \(error.localizedDescription)")
            }
            let clusters = text.split(whereSeparator: \.isNewline).map { $0.split(separator: " ").map(String.init) }
                .filter { !$0.isEmpty }
            var variants: [JSONMember] = []
            for (name, stemmer) in [("cistem", CistemStemmer(caseInsensitive: false)), ("cistem_case_insensitive", CistemStemmer(caseInsensitive: true))] {
                let score = StemmerEvaluation.evaluate(clusters: clusters, stem: stemmer.stem)
                variants.append(
                    JSONMember(
                        name,
                        .object([
                            JSONMember("precision", .decimal(score.precision, places: 4)),
                            JSONMember("recall", .decimal(score.recall, places: 4)),
                            JSONMember("f1", .decimal(score.f1, places: 4)),
                        ])))
            }
            let sizes = StemmerEvaluation.evaluate(clusters: clusters, stem: { $0 })
            results.append(
                .object(
                    [
                        JSONMember("gold_standard", .string(path)),
                        JSONMember("clusters", .int(sizes.clusters)),
                        JSONMember("words", .int(sizes.words)),
                    ] + variants))
        }
        return JSONWriter.pretty(.object([JSONMember("metric", .string("macro P/R/F1 over gold clusters")), JSONMember("results", .array(results))]))
    }

    /// Runs the analysis on labelled comments and returns assignment quality as JSON.
    public static func evaluateAssignment(
        framework frameworkPath: String, comments: [String], resources: String?, read: CommentReadOptions,
        pipeline: PipelineConfiguration
    ) throws(ResonanzError) -> String {
        let framework: Framework
        let ingest: IngestResult
        do {
            framework = try FrameworkLoader.load(URL(fileURLWithPath: frameworkPath))
            ingest = try CommentReader.read(comments.map { URL(fileURLWithPath: $0) }, goalIDs: Set(framework.goals.map(\.id)), options: read)
        } catch {
            throw ResonanzError(error)
        }
        let loaded = try ResourceLocator.loadResources(explicit: resources)
        let manifest = RunManifest(
            id: "eval", startedAt: "", frameworkID: framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: pipeline.seed, threads: pipeline.threads, programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
        let result: RunResult
        do {
            result = try AnalysisPipeline.run(framework: framework, ingest: ingest, resources: loaded, manifest: manifest, configuration: pipeline)
        } catch {
            throw ResonanzError(error)
        }
        let predicted = result.comments.map { $0.status == .assigned ? $0.assignments.map(\.measureID) : [] }
        let evaluation = AssignmentEvaluation(
            gold: ingest.comments.map(\.labels), predicted: predicted, measureIDs: framework.measures.map(\.id))
        func number(_ value: Double) -> JSONValue { .decimal(value, places: 4) }
        return JSONWriter.pretty(
            .object([
                JSONMember("framework", .string(framework.id)),
                JSONMember("comments", .int(evaluation.comments)),
                JSONMember("comments_with_labels", .int(evaluation.commentsWithLabels)),
                JSONMember("threshold", number(pipeline.threshold)),
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
                            JSONMember("measure", .string(score.measureID)),
                            JSONMember("gold", .int(score.gold)),
                            JSONMember("predicted", .int(score.predicted)),
                            JSONMember("correct", .int(score.correct)),
                            JSONMember("precision", number(score.precision)),
                            JSONMember("recall", number(score.recall)),
                            JSONMember("f1", number(score.f1)),
                        ])
                    })),
            ]))
    }
}
