import Analytics

/// Where report files go: each file is written once, in pieces, in order.
public protocol ReportDestination: Sendable {
    /// Writes the file at `path` (relative to the output folder): `render` hands its text to the
    /// function it is given, piece by piece. Files are written side by side from several threads;
    /// each file from one.
    func write(_ path: String, render: ((String) -> Void) -> Void)
}

/// Every report file of a finished run, as the output folder holds them: the run is redacted
/// first (``Redactor``), so no renderer can show what the redactor removes.
public enum ReportSet {
    /// Writes every report file to `destination` and returns their paths relative to the output
    /// folder; `report.json` comes last, so a writer that publishes in this order makes it appear
    /// only when everything else is there. The Markdown pages with their charts, assignments.csv
    /// and report.json are rendered side by side on `threads` threads, then the pages of
    /// report.html (Ink's conversion of each Markdown page: half of the rendering at 10,000
    /// comments) side by side; the files do not depend on the thread count. assignments.csv and
    /// report.json go out in pieces as they are rendered, so neither is ever whole in memory (at
    /// a million comments they are about 0.7 and 1.2 GB).
    public static func write(
        _ result: RunResult, language: ReportLanguage = .de, templates: ReportTemplates, threads: Int = 1,
        to destination: some ReportDestination
    ) -> [String] {
        let strings = ReportStrings.of(language)
        let safe = Redactor(language: language).redact(result, threads: threads)
        // Part 0 hands back the Markdown pages and the charts, of which report.html is made; the
        // other two only write their file.
        let parts = ParallelMap.map(count: 3, threads: threads) { range in
            range.map { part -> (markdown: [(path: String, content: String)], charts: [(path: String, content: String)]) in
                switch part {
                case 0:
                    let markdown = MarkdownReportRenderer.render(safe, language: language, templates: templates)
                    let charts = ReportCharts.files(safe, strings: strings)
                    for file in markdown + charts { destination.write(file.path) { emit in emit(file.content) } }
                    return (markdown, charts)
                case 1:
                    destination.write("assignments.csv") { emit in AssignmentsCSVRenderer.render(safe, emit: emit) }
                    return ([], [])
                default:
                    destination.write("report.json") { emit in JSONReportRenderer.render(safe, emit: emit) }
                    return ([], [])
                }
            }
        }
        let (markdown, charts) = parts[0]
        let html = HTMLReportRenderer.render(
            overview: markdown[0].content, goals: Array(zip(safe.goals, markdown.dropFirst().map(\.content))),
            charts: Dictionary(uniqueKeysWithValues: charts.map { ($0.path, $0.content) }), result: safe, strings: strings,
            template: templates, language: language, threads: threads)
        destination.write("report.html") { emit in emit(html) }
        return (markdown + charts).map(\.path) + ["report.html", "assignments.csv", "report.json"]
    }
}
