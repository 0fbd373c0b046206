import Analytics
import Ink

/// Renders `report.html`: the overview and every goal page in one self-contained file, for
/// people who open a report by double-clicking it.
///
/// Rules: each Markdown page is converted to HTML with Ink (the content is the Markdown's, so
/// the two cannot drift apart; comment text arrives already escaped); the contents of
/// `<details>` blocks are converted on their own, since Markdown leaves HTML blocks as they are;
/// links between the pages become links to sections of the file (`goals/<id>.md` → `#goal-<id>`,
/// `../report.md` → `#overview`); every embedded chart is replaced by its SVG, with ids made
/// unique per chart. No external request remains: no stylesheet, script, font or image file.
enum HTMLReportRenderer {
    /// The pages are converted on `threads` threads, one page at a time each; the file does not
    /// depend on the thread count.
    static func render(
        overview: String, goals: [(goal: GoalResult, markdown: String)], charts: [String: String], result: RunResult,
        strings: ReportStrings, template: ReportTemplates, language: ReportLanguage, threads: Int = 1
    ) -> String {
        let markdown = [overview] + goals.map(\.markdown)
        let pages = ParallelMap.map(count: markdown.count, threads: threads, chunksPerThread: markdown.count) { range in
            range.map { page(markdown[$0], charts: charts) }
        }
        let context: [String: Any] = [
            "language": language.rawValue,
            "title": strings.reportTitle(result.framework.title),
            "overview": pages[0],
            "goals": zip(goals, pages.dropFirst()).map { item, html -> [String: Any] in ["id": item.goal.id, "html": html] },
            "goal_list": result.goals.map { ["id": $0.id, "title": $0.title] },
        ]
        return template.html.render(context)
    }

    /// One Markdown page as HTML, its links and charts rewritten. Each rewrite is one pass over
    /// the page: goal pages of large consultations run to megabytes.
    static func page(_ markdown: String, charts: [String: String]) -> String {
        var html = convert(markdown)
        html = html.replacingAll("href=\"../report.md\"", with: "href=\"#overview\"")
        html = rewriteGoalLinks(html)
        return inlineCharts(html, charts: charts)
    }

    /// Every `<img src="[../]charts/NAME.svg" …/>` becomes the chart's SVG in a `<figure>`, its ids
    /// made unique by the chart's name.
    static func inlineCharts(_ html: String, charts: [String: String]) -> String {
        var result = ""
        var rest = Substring(html)
        let marker = "<img src=\""
        while let start = rest.range(of: marker) {
            result += rest[..<start.lowerBound]
            let afterMarker = rest[start.upperBound...]
            guard let quote = afterMarker.firstIndex(of: "\""), let end = afterMarker.range(of: "/>") else {
                return result + rest
            }
            var path = String(afterMarker[..<quote])
            if path.hasPrefix("../") { path.removeFirst(3) }
            guard let svg = charts[path] else {
                result += rest[start.lowerBound..<end.upperBound]
                rest = afterMarker[end.upperBound...]
                continue
            }
            // `goals/<id>` → `goals-<id>`: overview charts are `goals` and `topics`, so no two collide.
            let name = String(path.dropFirst("charts/".count).dropLast(".svg".count)).replacingAll("/", with: "-")
            let inline = svg.replacingAll("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
                .replacingAll("id=\"title\"", with: "id=\"chart-\(name)-title\"")
                .replacingAll("id=\"desc\"", with: "id=\"chart-\(name)-desc\"")
                .replacingAll(
                    "aria-labelledby=\"title desc\"", with: "aria-labelledby=\"chart-\(name)-title chart-\(name)-desc\"")
            result += "<figure class=\"chart\">" + inline + "</figure>"
            rest = afterMarker[end.upperBound...]
        }
        return result + rest
    }

    /// Markdown to HTML; `<details>` … `</details>` lines kept, the Markdown between them converted.
    static func convert(_ markdown: String) -> String {
        let parser = MarkdownParser()
        var output = ""
        var pending: [Substring] = []
        func flush() {
            if !pending.isEmpty { output += parser.html(from: pending.joined(separator: "\n")) }
            pending = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<details>") || line.hasPrefix("</details>") {
                flush()
                output += "\n" + line + "\n"
            } else {
                pending.append(line)
            }
        }
        flush()
        return output
    }

    static func rewriteGoalLinks(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let range = rest.range(of: "href=\"goals/") {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            guard let end = rest.range(of: ".md\"") else {
                result += "href=\"goals/"
                continue
            }
            result += "href=\"#goal-" + rest[..<end.lowerBound] + "\""
            rest = rest[end.upperBound...]
        }
        return result + rest
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
