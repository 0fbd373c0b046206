import Foundation
import Mustache
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
