import Analytics

/// Every report file of a finished run, as the output folder holds them: the run is redacted
/// first (``Redactor``), so no renderer can show what the redactor removes.
public enum ReportSet {
    /// Paths relative to the output folder, with their contents; `report.json` comes last, so a
    /// writer that publishes in this order makes it appear only when everything else is there.
    public static func files(
        _ result: RunResult, language: ReportLanguage = .de, templates: ReportTemplates
    ) -> [(path: String, content: String)] {
        let strings = ReportStrings.of(language)
        let safe = Redactor(language: language).redact(result)
        let markdown = MarkdownReportRenderer.render(safe, language: language, templates: templates)
        let charts = ReportCharts.files(safe, strings: strings)
        var files = markdown + charts
        files.append(
            ("report.html",
             HTMLReportRenderer.render(
                overview: markdown[0].content, goals: Array(zip(safe.goals, markdown.dropFirst().map(\.content))),
                charts: Dictionary(uniqueKeysWithValues: charts.map { ($0.path, $0.content) }), result: safe, strings: strings,
                template: templates, language: language)))
        files.append(("assignments.csv", AssignmentsCSVRenderer.render(safe)))
        files.append(("report.json", JSONReportRenderer.render(safe)))
        return files
    }
}
