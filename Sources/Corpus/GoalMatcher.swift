import Foundation

/// Finds the framework goal a comment was posted under from what the export writes: the goal's
/// id, or its title.
///
/// Rules: a value equal to a goal id is that goal; otherwise the value and the titles are compared
/// after Unicode compatibility normalisation (NFKC), lower-casing and collapsing every run of
/// white space to one space (`Digitale  Fachkompetenzen FÖRDERN` is the goal titled `Digitale
/// Fachkompetenzen fördern`); a title two goals share names neither. Anything else is no goal.
public struct GoalMatcher: Sendable {
    public let ids: Set<String>
    private let byTitle: [String: String]

    public init(goals: [(id: String, title: String)]) {
        ids = Set(goals.map(\.id))
        var titles: [String: String?] = [:]
        for goal in goals {
            let key = Self.key(goal.title)
            titles[key] = titles[key] == nil ? goal.id : .some(nil)
        }
        byTitle = titles.compactMapValues { $0 }
    }

    /// A matcher that knows ids only.
    public init(ids: Set<String>) {
        self.ids = ids
        byTitle = [:]
    }

    /// The goal id `value` names, or nil.
    public func goal(for value: String) -> String? {
        if ids.contains(value) { return value }
        return byTitle[Self.key(value)]
    }

    static func key(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
