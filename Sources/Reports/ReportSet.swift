import Analytics

/// Every report file of a finished run, as the output folder holds them: the run is redacted
/// first (``Redactor``), so no renderer can show what the redactor removes.
public enum ReportSet {
    /// Paths relative to the output folder, with their contents; `report.json` comes last, so a
    /// writer that publishes in this order makes it appear only when everything else is there.
    /// The pages, assignments.csv and report.json are rendered side by side on `threads` threads;
    /// the files do not depend on it.
    public static func files(
        _ result: RunResult, language: ReportLanguage = .de, templates: ReportTemplates, threads: Int = 1
    ) -> [(path: String, content: String)] {
        let strings = ReportStrings.of(language)
        let safe = Redactor(language: language).redact(result, threads: threads)
        let parts = ParallelMap.map(count: 3, threads: threads) { range in
            range.map { part -> [(path: String, content: String)] in
                switch part {
                case 0: return pages(safe, language: language, strings: strings, templates: templates)
                case 1: return [("assignments.csv", AssignmentsCSVRenderer.render(safe))]
                default: return [("report.json", JSONReportRenderer.render(safe))]
                }
            }
        }
        return parts.flatMap { $0 }
    }

    /// report.md, the goal pages, the charts and report.html.
    private static func pages(
        _ safe: RunResult, language: ReportLanguage, strings: ReportStrings, templates: ReportTemplates
    ) -> [(path: String, content: String)] {
        let markdown = MarkdownReportRenderer.render(safe, language: language, templates: templates)
        let charts = ReportCharts.files(safe, strings: strings)
        return markdown + charts + [
            ("report.html",
             HTMLReportRenderer.render(
                overview: markdown[0].content, goals: Array(zip(safe.goals, markdown.dropFirst().map(\.content))),
                charts: Dictionary(uniqueKeysWithValues: charts.map { ($0.path, $0.content) }), result: safe, strings: strings,
                template: templates, language: language))
        ]
    }
}
