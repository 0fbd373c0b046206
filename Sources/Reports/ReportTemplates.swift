import Mustache

/// The Mustache templates (swift-mustache) that lay out report.md, the goal pages and
/// report.html. The defaults are `templates/*.mustache` in the repository; `--templates DIR`
/// replaces any of them by a file of the same name.
public struct ReportTemplates: Sendable {
    public static let names = ["report.md.mustache", "goal.md.mustache", "report.html.mustache"]

    let overview: MustacheTemplate
    let goal: MustacheTemplate
    let html: MustacheTemplate

    /// A template that does not parse: its name and the parser's reason.
    public struct ParseError: Error, Sendable {
        public var name: String
        public var reason: String
    }

    /// Parses the template texts, by the file names in ``names``.
    public init(texts: [String: String]) throws(ParseError) {
        func parse(_ name: String) throws(ParseError) -> MustacheTemplate {
            do {
                return try MustacheTemplate(string: texts[name] ?? "")
            } catch {
                throw ParseError(name: name, reason: "\(error)")
            }
        }
        overview = try parse(Self.names[0])
        goal = try parse(Self.names[1])
        html = try parse(Self.names[2])
    }
}
