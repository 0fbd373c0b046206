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
                (
                    name: name,
                    score: StemmerEvaluation.evaluate(
                        clusters: clusters, stem: CistemStemmer(caseInsensitive: caseInsensitive).stem)
                )
            }
            results.append(EvaluationRenderer.StemmerResult(goldStandard: path, variants: variants))
        }
        return EvaluationRenderer.stemmer(results)
    }
}
