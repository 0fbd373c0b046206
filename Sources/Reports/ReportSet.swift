import Analytics

/// Every report file of a finished run, as the output folder holds them: the run is redacted
/// first (``Redactor``), so no renderer can show what the redactor removes.
public enum ReportSet {
    /// Paths relative to the output folder, with their contents; `report.json` comes last, so a
    /// writer that publishes in this order makes it appear only when everything else is there.
    public static func files(_ result: RunResult, language: ReportLanguage = .de) -> [(path: String, content: String)] {
        let safe = Redactor(labels: ReportStrings.of(language).redaction).redact(result)
        var files = MarkdownReportRenderer.render(safe, language: language)
        files += ReportCharts.files(safe, strings: ReportStrings.of(language))
        files.append(("assignments.csv", AssignmentsCSVRenderer.render(safe)))
        files.append(("report.json", JSONReportRenderer.render(safe)))
        return files
    }
}
