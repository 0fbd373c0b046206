/// Keeps topic ids across runs: each run's topics are matched to the previous run's, so a topic
/// that is still there keeps its id, and births, ends, merges and splits are recorded.
///
/// Rules, per scope (the whole consultation, or one goal):
/// - similarity of a current and a previous topic: `0.7 · J(members) + 0.3 · J(keywords)`, J the
///   Jaccard index over comment ids and over keyword stems;
/// - pairs at or above `minimumSimilarity` are matched one to one, most similar first (ties by
///   current position, then previous id); a matched topic takes the previous id;
/// - an unmatched previous topic with at least half of its comments in one current topic was
///   **merged** into it; one that new topics were split from is told by their `split` events;
///   any other unmatched previous topic **ended**;
/// - an unmatched current topic with at least half of its comments from one previous topic was
///   **split** from it; any other is **born**. Both get a new id: the scope's prefix and the next
///   number never used in the scope (`highestNumbers` carries them from run to run).
public struct TopicLedger: Sendable, Equatable, Codable {
    public var minimumSimilarity: Double

    public init(minimumSimilarity: Double = 0.3) {
        self.minimumSimilarity = minimumSimilarity
    }

    /// A topic of the previous run, as the ledger needs it.
    public struct Previous: Sendable, Equatable {
        public var id: String
        public var goal: String?
        public var members: Set<String>
        public var keywords: Set<String>

        public init(id: String, goal: String?, members: Set<String>, keywords: Set<String>) {
            self.id = id
            self.goal = goal
            self.members = members
            self.keywords = keywords
        }
    }

    /// What happened to a topic since the previous run.
    public struct Event: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case born, ended, merged, split
        }

        public var kind: Kind
        /// The topic (for `ended` and `merged`: the previous run's).
        public var topic: String
        /// For `merged`: the topic it went into; for `split`: the topic it came from.
        public var other: String?

        public init(kind: Kind, topic: String, other: String?) {
            self.kind = kind
            self.topic = topic
            self.other = other
        }
    }

    /// `current` with the ids the ledger gives them, the events, and the highest number used per
    /// scope (key: the goal id, "" for the whole consultation).
    /// - Parameter commentIDs: comment id per index of `Topic.members`.
    public func reconcile(
        current: [Topic], commentIDs: [String], previous: [Previous], highestNumbers: [String: Int]
    ) -> (topics: [Topic], events: [Event], highestNumbers: [String: Int]) {
        var renamed = current
        var events: [Event] = []
        var highest = highestNumbers
        let scopes = Array(Set(current.map { $0.goal ?? "" }).union(previous.map { $0.goal ?? "" })).sorted()
        for scope in scopes {
            let prefix = scope.isEmpty ? "" : scope + "."
            let now = current.indices.filter { (current[$0].goal ?? "") == scope }
            let before = previous.filter { ($0.goal ?? "") == scope }.sorted { $0.id < $1.id }
            let members = Dictionary(uniqueKeysWithValues: now.map { ($0, Set(current[$0].members.map { commentIDs[$0] })) })
            let keywords = Dictionary(uniqueKeysWithValues: now.map { ($0, Set(current[$0].keywords.map(\.stem))) })
            var pairs: [(current: Int, previous: Int, similarity: Double)] = []
            for c in now {
                for (p, old) in before.enumerated() {
                    let similarity =
                        0.7 * Self.jaccard(members[c] ?? [], old.members) + 0.3 * Self.jaccard(keywords[c] ?? [], old.keywords)
                    if similarity >= minimumSimilarity { pairs.append((c, p, similarity)) }
                }
            }
            pairs.sort { lhs, rhs in
                if lhs.similarity != rhs.similarity { return lhs.similarity > rhs.similarity }
                return lhs.current != rhs.current ? lhs.current < rhs.current : before[lhs.previous].id < before[rhs.previous].id
            }
            var matchedCurrent: [Int: Int] = [:]
            var matchedPrevious: Set<Int> = []
            for pair in pairs where matchedCurrent[pair.current] == nil && !matchedPrevious.contains(pair.previous) {
                matchedCurrent[pair.current] = pair.previous
                matchedPrevious.insert(pair.previous)
            }
            var next = max(highest[scope] ?? 0, before.compactMap { Self.number(of: $0.id, prefix: prefix) }.max() ?? 0)
            for c in now {
                if let p = matchedCurrent[c] {
                    renamed[c].id = before[p].id
                    continue
                }
                next += 1
                renamed[c].id = "\(prefix)T\(next)"
                let origin = before.indices.first { p in
                    let shared = (members[c] ?? []).intersection(before[p].members).count
                    return 2 * shared >= max(1, members[c]?.count ?? 0) && shared > 0
                }
                events.append(
                    origin.map { Event(kind: .split, topic: renamed[c].id, other: before[$0].id) }
                        ?? Event(kind: .born, topic: renamed[c].id, other: nil))
            }
            let splitSources = Set(events.filter { $0.kind == .split }.compactMap(\.other))
            for (p, old) in before.enumerated() where !matchedPrevious.contains(p) && !splitSources.contains(old.id) {
                let target = now.first { c in
                    let shared = (members[c] ?? []).intersection(old.members).count
                    return 2 * shared >= max(1, old.members.count) && shared > 0
                }
                events.append(
                    target.map { Event(kind: .merged, topic: old.id, other: renamed[$0].id) }
                        ?? Event(kind: .ended, topic: old.id, other: nil))
            }
            highest[scope] = next
        }
        return (renamed, events, highest)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// The number in `<prefix>T<number>`, if the id has that form.
    static func number(of id: String, prefix: String) -> Int? {
        guard id.hasPrefix(prefix + "T") else { return nil }
        return Int(id.dropFirst(prefix.count + 1))
    }
}
