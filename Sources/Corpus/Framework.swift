/// A strategy's goals and the measures planned under each, as a planner writes them.
public struct Framework: Sendable, Equatable, Codable {
    /// Identifier, `[a-z0-9._-]+` (`jena-hf4`); names the default report folder.
    public var id: String
    /// Title for reports.
    public var title: String
    /// Language of the texts (`de`).
    public var language: String
    /// The goals, in the order of the strategy document.
    public var goals: [Goal]

    public init(id: String, title: String, language: String, goals: [Goal]) {
        self.id = id
        self.title = title
        self.language = language
        self.goals = goals
    }

    /// All measures of all goals, in document order.
    public var measures: [Measure] { goals.flatMap(\.measures) }

    /// The goal with `id`, if any.
    public func goal(_ id: String) -> Goal? { goals.first { $0.id == id } }
}

/// A goal of the strategy; citizens comment per goal.
public struct Goal: Sendable, Equatable, Codable {
    /// Unique in the framework (`standort`).
    public var id: String
    public var title: String
    /// Free prose from the strategy document; may be empty.
    public var description: String
    /// At least one.
    public var measures: [Measure]

    public init(id: String, title: String, description: String, measures: [Measure]) {
        self.id = id
        self.title = title
        self.description = description
        self.measures = measures
    }
}

/// A measure planned under a goal ("Dazu unterstützen wir …").
public struct Measure: Sendable, Equatable, Codable {
    /// Unique in the whole framework (`standort.fachkraefte`).
    public var id: String
    /// The goal this measure belongs to.
    public var goalID: String
    public var title: String
    /// Free prose from the strategy document; may be empty.
    public var description: String
    /// Seed words a planner added; may be empty.
    public var keywords: [String]

    public init(id: String, goalID: String, title: String, description: String, keywords: [String]) {
        self.id = id
        self.goalID = goalID
        self.title = title
        self.description = description
        self.keywords = keywords
    }
}
