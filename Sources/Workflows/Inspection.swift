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
        var results: [EvaluationRenderer.StemmerResult] = []
        for path in goldFiles {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw .badInput("\(path): cannot read: \(error.localizedDescription)")
            }
            let clusters = text.split(whereSeparator: \.isNewline).map { $0.split(separator: " ").map(String.init) }
                .filter { !$0.isEmpty }
            let variants = [("cistem", false), ("cistem_case_insensitive", true)].map { name, caseInsensitive in
                (name: name, score: StemmerEvaluation.evaluate(clusters: clusters, stem: CistemStemmer(caseInsensitive: caseInsensitive).stem))
            }
            results.append(EvaluationRenderer.StemmerResult(goldStandard: path, variants: variants))
        }
        return EvaluationRenderer.stemmer(results)
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
        guard ingest.comments.contains(where: \.labelsGiven) else {
            throw .badInput("\(comments.joined(separator: ", ")): no gold labels; eval needs a `labels` column or key")
        }
        let loaded = try ResourceLocator.loadResources(explicit: resources)
        let manifest = RunManifest(
            id: "eval", startedAt: "", frameworkID: framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: pipeline.seed, threads: pipeline.threads, programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
        let result: RunResult
        do {
            result = try AnalysisPipeline.run(
                framework: framework, comments: ingest.comments, intake: Intake(ingest), resources: loaded, manifest: manifest,
                configuration: pipeline)
        } catch {
            throw ResonanzError(error)
        }
        let predicted = result.comments.map { $0.status == .assigned ? $0.assignments.map(\.measureID) : [] }
        // Comments without a labels field carry no gold information and are left out.
        let labelled = ingest.comments.indices.filter { ingest.comments[$0].labelsGiven }
        let evaluation = AssignmentEvaluation(
            gold: labelled.map { ingest.comments[$0].labels }, predicted: labelled.map { predicted[$0] },
            measureIDs: framework.measures.map(\.id))
        return EvaluationRenderer.assignment(evaluation, framework: framework.id, threshold: pipeline.threshold)
    }
}
