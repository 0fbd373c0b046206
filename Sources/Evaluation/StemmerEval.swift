import Foundation
import TextAnalysis
import Workflows

/// `resonanz eval stemmer`.
public enum StemmerEval {
    /// Scores CISTEM on gold-standard files (one cluster of word forms per line) and returns a
    /// JSON report with the macro figures per file, for the published case-sensitive variant and
    /// for the case-insensitive variant Resonanz uses on comments.
    public static func evaluate(goldFiles: [String]) throws(ResonanzError) -> String {
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
