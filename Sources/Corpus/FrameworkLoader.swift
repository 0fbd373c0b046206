import Foundation
import Yams

/// Reads a framework file (YAML, or the same structure as JSON) and checks it.
///
/// Rules, each failure naming file, line and key:
/// - top level: `id`, `title`, `goals` required; `language` (default `de`) and `description`
///   optional; goals: `id`, `title`, `measures` required, `description` optional; measures:
///   `id`, `title` required, `description`, `keywords` optional; any other key is an error;
/// - ids match `[a-z0-9][a-z0-9._-]*` (so `.` and `..` are no ids); goal ids are unique among
///   goals, measure ids in the whole file;
/// - titles are not empty (`~` and `null` count as empty); every goal has at least one measure;
///   keywords are a list of strings.
public enum FrameworkLoader {
    /// Loads and checks the framework at `url`.
    public static func load(_ url: URL) throws(CorpusError) -> Framework {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text, path: url.path)
    }

    /// Parses and checks framework text; `path` is used in error messages.
    public static func parse(_ text: String, path: String) throws(CorpusError) -> Framework {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CorpusError.frameworkInvalid(path: path, line: 1, key: "(file)", reason: "the file is empty")
            }
            root = node
        } catch let error as CorpusError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch {
            throw .frameworkSyntax(path: path, line: 1, column: 1, message: "\(error)")
        }
        return try FrameworkReader(path: path).framework(root)
    }

    private static func syntaxError(_ error: YamlError, path: String) -> CorpusError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return .frameworkSyntax(path: path, line: mark.line, column: mark.column, message: message)
        case .composer(let context, let problem, let mark, _):
            let message = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return .frameworkSyntax(path: path, line: mark.line, column: mark.column, message: message)
        default:
            return .frameworkSyntax(path: path, line: 1, column: 1, message: "\(error)")
        }
    }
}

/// Walks the composed YAML nodes, keeping the line of every value for error messages.
private struct FrameworkReader {
    let path: String
    static let idPattern = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")

    func framework(_ node: Node) throws(CorpusError) -> Framework {
        let fields = try mapping(node, context: "(top level)", allowed: ["id", "title", "language", "description", "goals"])
        let id = try identifier(fields, key: "id", context: "framework")
        let title = try requiredText(fields, key: "title", context: "framework", parent: node)
        let language = try optionalText(fields, key: "language") ?? "de"
        guard let goalsNode = fields["goals"] else {
            throw missing("goals", in: "framework", node: node)
        }
        guard case .sequence(let goalNodes) = goalsNode else {
            throw invalid(goalsNode, key: "goals", "must be a list of goals")
        }
        guard !goalNodes.isEmpty else {
            throw invalid(goalsNode, key: "goals", "the framework has no goals")
        }
        var goals: [Goal] = []
        var goalLines: [String: Int] = [:]
        var measureLines: [String: Int] = [:]
        for goalNode in goalNodes {
            let goal = try self.goal(goalNode, measureLines: &measureLines)
            if let first = goalLines[goal.id] {
                throw invalid(goalNode, key: "id", "duplicate goal id '\(goal.id)' (first at line \(first))")
            }
            goalLines[goal.id] = line(of: goalNode)
            goals.append(goal)
        }
        return Framework(id: id.value, title: title, language: language, goals: goals)
    }

    private func goal(_ node: Node, measureLines: inout [String: Int]) throws(CorpusError) -> Goal {
        let fields = try mapping(node, context: "goal", allowed: ["id", "title", "description", "measures"])
        let id = try identifier(fields, key: "id", context: "goal", parent: node)
        let title = try requiredText(fields, key: "title", context: "goal '\(id.value)'", parent: node)
        let description = try optionalText(fields, key: "description") ?? ""
        guard let measuresNode = fields["measures"] else {
            throw missing("measures", in: "goal '\(id.value)' (every goal needs at least one measure)", node: node)
        }
        guard case .sequence(let measureNodes) = measuresNode else {
            throw invalid(measuresNode, key: "measures", "must be a list of measures")
        }
        guard !measureNodes.isEmpty else {
            throw invalid(measuresNode, key: "measures", "goal '\(id.value)' has no measures")
        }
        var measures: [Measure] = []
        for measureNode in measureNodes {
            let measure = try self.measure(measureNode, goalID: id.value)
            if let first = measureLines[measure.id] {
                throw invalid(measureNode, key: "id", "duplicate measure id '\(measure.id)' (first at line \(first))")
            }
            measureLines[measure.id] = line(of: measureNode)
            measures.append(measure)
        }
        return Goal(id: id.value, title: title, description: description, measures: measures)
    }

    private func measure(_ node: Node, goalID: String) throws(CorpusError) -> Measure {
        let fields = try mapping(node, context: "measure", allowed: ["id", "title", "description", "keywords"])
        let id = try identifier(fields, key: "id", context: "measure", parent: node)
        let title = try requiredText(fields, key: "title", context: "measure '\(id.value)'", parent: node)
        let description = try optionalText(fields, key: "description") ?? ""
        var keywords: [String] = []
        if let keywordsNode = fields["keywords"] {
            guard case .sequence(let items) = keywordsNode else {
                throw invalid(keywordsNode, key: "keywords", "must be a list of words")
            }
            for item in items {
                guard case .scalar(let scalar) = item, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw invalid(item, key: "keywords", "every keyword must be a non-empty word")
                }
                keywords.append(scalar.string)
            }
        }
        return Measure(id: id.value, goalID: goalID, title: title, description: description, keywords: keywords)
    }

    // MARK: - Helpers

    private func mapping(_ node: Node, context: String, allowed: Set<String>) throws(CorpusError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw invalid(node, key: context, "must be a mapping of keys to values")
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                throw invalid(keyNode, key: context, "keys must be plain words")
            }
            guard allowed.contains(key.string) else {
                let expected = allowed.sorted().joined(separator: ", ")
                throw invalid(keyNode, key: key.string, "unknown key in \(context) (expected one of: \(expected))")
            }
            guard fields[key.string] == nil else {
                throw invalid(keyNode, key: key.string, "key given twice in \(context)")
            }
            fields[key.string] = value
        }
        return fields
    }

    private func identifier(
        _ fields: [String: Node], key: String, context: String, parent: Node? = nil
    )
        throws(CorpusError) -> (value: String, line: Int)
    {
        guard let node = fields[key] else {
            throw missing(key, in: context, node: parent)
        }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, !isNull(scalar) else {
            throw invalid(node, key: key, "\(context) id must be a non-empty word")
        }
        guard scalar.string.allSatisfy({ Self.idPattern.contains($0) }), let first = scalar.string.first,
            first.isLetter || first.isNumber
        else {
            throw invalid(
                node, key: key, "\(context) id \(Untrusted.quoted(scalar.string)) may only use a-z, 0-9, '.', '_' and '-'")
        }
        return (scalar.string, line(of: node))
    }

    private func requiredText(_ fields: [String: Node], key: String, context: String, parent: Node) throws(CorpusError) -> String
    {
        guard let node = fields[key] else { throw missing(key, in: context, node: parent) }
        guard case .scalar(let scalar) = node else {
            throw invalid(node, key: key, "must be text")
        }
        let text = isNull(scalar) ? "" : scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw invalid(node, key: key, "\(context) has an empty \(key)") }
        return text
    }

    private func optionalText(_ fields: [String: Node], key: String) throws(CorpusError) -> String? {
        guard let node = fields[key] else { return nil }
        guard case .scalar(let scalar) = node else { throw invalid(node, key: key, "must be text") }
        return isNull(scalar) ? nil : scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func line(of node: Node?) -> Int { node?.mark?.line ?? 1 }

    /// A plain `~`, `null` or empty scalar is YAML's null, not the text "null".
    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func invalid(_ node: Node, key: String, _ reason: String) -> CorpusError {
        .frameworkInvalid(path: path, line: line(of: node), key: key, reason: reason)
    }

    private func missing(_ key: String, in context: String, node: Node?) -> CorpusError {
        .frameworkInvalid(path: path, line: line(of: node), key: key, reason: "missing in \(context)")
    }
}
