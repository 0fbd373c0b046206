import Foundation
import Yams

/// A file that says which column of an export holds what, so a nightly command line stays short
/// (`--columns export.yaml`).
///
/// Format: a JSON or YAML mapping with any of `id`, `text`, `title`, `goal`, `date`, `author`,
/// `parent` (column names), `date_format` (a Unicode date-format pattern), `timezone` (an IANA
/// zone) and `encoding` (`auto`, `utf-8`, `windows-1252`); every value a string. Any other key is
/// an error, naming the file and the key.
public struct ColumnFile: Sendable, Equatable {
    public var id: String?
    public var text: String?
    public var title: String?
    public var goal: String?
    public var date: String?
    public var author: String?
    public var parent: String?
    public var dateFormat: String?
    public var timezone: String?
    public var encoding: String?

    public init() {}

    static let keys: Set<String> = [
        "id", "text", "title", "goal", "date", "author", "parent", "date_format", "timezone", "encoding",
    ]

    public static func load(_ path: String) throws(CorpusError) -> ColumnFile {
        let url = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let parsed: Any?
        do {
            parsed = try Yams.load(yaml: text)
        } catch {
            throw .frameworkSyntax(path: path, line: 1, column: 1, message: Untrusted.quoted("\(error)", limit: 200))
        }
        guard let mapping = parsed as? [String: Any] else {
            throw .frameworkInvalid(
                path: path, line: 1, key: "(file)", reason: "must be a mapping of field names to column names")
        }
        var file = ColumnFile()
        for key in mapping.keys.sorted() {
            guard keys.contains(key) else {
                throw .frameworkInvalid(
                    path: path, line: 1, key: Untrusted.quoted(key, limit: 40),
                    reason: "unknown key (expected one of: \(keys.sorted().joined(separator: ", ")))")
            }
            guard let value = mapping[key] as? String else {
                throw .frameworkInvalid(path: path, line: 1, key: key, reason: "must be text")
            }
            switch key {
            case "id": file.id = value
            case "text": file.text = value
            case "title": file.title = value
            case "goal": file.goal = value
            case "date": file.date = value
            case "author": file.author = value
            case "parent": file.parent = value
            case "date_format": file.dateFormat = value
            case "timezone": file.timezone = value
            default: file.encoding = value
            }
        }
        return file
    }
}
