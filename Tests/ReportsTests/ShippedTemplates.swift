import Foundation
import Mustache
import Testing
import _TestSupport

@testable import Reports

/// The templates in `templates/`, to render a page or part of one as the run would.
enum ShippedTemplates {
    static func text(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryFile("templates/" + name), encoding: .utf8)
    }

    static func all() throws -> ReportTemplates {
        var texts: [String: String] = [:]
        for name in ReportTemplates.names { texts[name] = try text(name) }
        return try ReportTemplates(texts: texts)
    }

    /// `name` rendered with `context`; what the context leaves out renders as nothing.
    static func render(_ name: String, _ context: [String: Any]) throws -> String {
        try MustacheTemplate(string: text(name)).render(context)
    }
}

/// A name the shipped templates use that the renderer does not give renders as nothing, without
/// an error: every `labels.<name>` they use must be a label in each language.
struct ShippedTemplateLabelTests {
    @Test func everyLabelTheTemplatesUseIsGivenInEachLanguage() throws {
        var used: Set<String> = []
        for name in ["report.md.mustache", "goal.md.mustache"] {
            let text = try ShippedTemplates.text(name)
            var rest = text[...]
            while let range = rest.range(of: "labels.") {
                let tail = rest[range.upperBound...]
                used.insert(String(tail.prefix { $0.isLetter || $0 == "_" }))
                rest = tail
            }
        }
        #expect(used.count > 40)
        for strings in [ReportStrings.german, ReportStrings.english] {
            let given = MarkdownReportRenderer.labels(strings)
            #expect(used.subtracting(given.keys).isEmpty, "not given: \(used.subtracting(given.keys).sorted())")
            #expect(given.values.allSatisfy { !$0.isEmpty })
        }
    }
}
