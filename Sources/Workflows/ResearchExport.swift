import Analytics
import Reports
import TextAnalysis

/// `--export research`: analyses the run's comments again, as the pipeline did (comments and
/// measure texts share one vocabulary), but on the redacted run (texts, ids, file names), so the
/// export holds no contact details or control characters either; then renders
/// ``ResearchExportRenderer``'s files.
public enum ResearchExport {
    public static func files(
        _ result: RunResult, resources: AnalyzerResources, language: ReportLanguage, threads: Int
    ) throws(ResonanzError) -> [(path: String, content: String)] {
        let safe = Redactor(language: language).redact(result, threads: threads)
        let texts = safe.comments.map(\.text)
        var all = texts
        for measure in result.framework.measures {
            all += [measure.title, measure.description, measure.keywords.joined(separator: "\n")]
        }
        let tokens: [[Token]]
        do {
            tokens = Array(try CorpusAnalyzer(resources: resources, threads: threads).analyze(all).tokens.prefix(texts.count))
        } catch {
            throw ResonanzError(error)
        }
        return ResearchExportRenderer.files(safe, analysed: .init(ids: safe.comments.map(\.id), texts: texts, tokens: tokens))
    }
}
