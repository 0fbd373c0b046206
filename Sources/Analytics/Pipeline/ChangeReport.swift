/// What a run's figures were, kept so a later run can say what changed since.
public struct RunSnapshot: Sendable, Equatable, Codable {
    /// When the run started (shown as "since the run of …").
    public var startedAt: String
    /// Comments per goal, by goal id.
    public var goalComments: [String: Int]
    /// Assigned comments and share per measure, by measure id.
    public var measureComments: [String: Int]
    public var measureShares: [String: Double]
    /// The run's topics with their comments and keyword stems (sorted), for ``TopicLedger``;
    /// nil in snapshots stored before topics existed.
    public var topics: [TopicSnapshot]?
    /// The highest topic number used per scope.
    public var topicNumbers: [String: Int]?
    /// The number of topics each scope held (nil in older snapshots).
    public var topicCounts: [String: TopicCountState]?

    public init(_ result: RunResult) {
        topics = result.topics.map { topic in
            TopicSnapshot(
                id: topic.id, goal: topic.goal, members: topic.commentIDs.sorted(), keywords: topic.keywords.map(\.stem).sorted())
        }
        topicNumbers = result.topicNumbers
        topicCounts = result.topicCounts
        startedAt = result.manifest.startedAt
        goalComments = Dictionary(uniqueKeysWithValues: result.goals.map { ($0.id, $0.commentCount) })
        var comments: [String: Int] = [:]
        var shares: [String: Double] = [:]
        for goal in result.goals {
            for measure in goal.measures {
                comments[measure.id] = measure.commentCount
                shares[measure.id] = goal.share(of: measure)
            }
        }
        measureComments = comments
        measureShares = shares
    }
}

/// A topic as a snapshot keeps it.
public struct TopicSnapshot: Sendable, Equatable, Codable {
    public var id: String
    public var goal: String?
    public var members: [String]
    public var keywords: [String]
}

/// "Since the last run": the comments that are new or changed since the baseline run, where they
/// went, and the measures whose share moved most.
///
/// The baseline is the latest finished run whose corpus differed from this run's, so a run on
/// unchanged input repeats the previous report byte for byte instead of announcing "nothing new".
public struct ChangeReport: Sendable, Equatable, Codable {
    /// Start time of the baseline run; nil when there was none (the first run: all is new).
    public var baselineStartedAt: String?
    public var newComments: Int
    public var changedComments: Int
    /// New or changed comments per goal (by `reportGoal`), in framework order, zero counts left out.
    public var perGoal: [Count]
    /// New or changed comments without a goal (nil when none, and in results stored before it
    /// was kept).
    public var withoutGoal: Count?
    /// New or changed comments assigned to each measure, in framework order, zero counts left out.
    public var perMeasure: [Count]
    /// Measures whose share moved most, largest absolute move first (at most ``moveLimit``).
    public var shareMoves: [ShareMove]
    /// Ids of the new and changed comments, in corpus order.
    public var commentIDs: [String]

    public static let moveLimit = 5

    public struct Count: Sendable, Equatable, Codable {
        public var id: String
        /// New and changed together.
        public var count: Int
        /// Of `count`, the new comments (nil in results stored before it was kept).
        public var new: Int?

        public var changed: Int? { new.map { count - $0 } }
    }

    public struct ShareMove: Sendable, Equatable, Codable {
        public var measureID: String
        public var before: Double
        public var after: Double
    }

    /// Compares `result` with `baseline`; `newIDs` and `changedIDs` are the comments that arrived
    /// or changed after the baseline run.
    public init(result: RunResult, baseline: RunSnapshot?, newIDs: Set<String>, changedIDs: Set<String>) {
        baselineStartedAt = baseline?.startedAt
        // One pass over the comments, counting per goal and measure; no comment's result is
        // copied (at a million comments the copies cost seconds).
        var ids: [String] = []
        var new = 0
        var goals: [String?: (count: Int, new: Int)] = [:]
        var measures: [String: (count: Int, new: Int)] = [:]
        for index in result.comments.indices {
            let id = result.comments[index].id
            let isNew = newIDs.contains(id)
            guard isNew || changedIDs.contains(id) else { continue }
            ids.append(id)
            let added = isNew ? 1 : 0
            new += added
            let goal = result.comments[index].reportGoal
            goals[goal, default: (0, 0)].count += 1
            goals[goal, default: (0, 0)].new += added
            guard result.comments[index].status == .assigned else { continue }
            for measureID in Set(result.comments[index].assignments.map(\.measureID)) {
                measures[measureID, default: (0, 0)].count += 1
                measures[measureID, default: (0, 0)].new += added
            }
        }
        commentIDs = ids
        newComments = new
        changedComments = ids.count - new
        func count(_ tally: (count: Int, new: Int)?, id: String) -> Count? {
            tally.map { Count(id: id, count: $0.count, new: $0.new) }
        }
        perGoal = result.goals.compactMap { goal in count(goals[goal.id], id: goal.id) }
        withoutGoal = count(goals[String?.none], id: "")
        perMeasure = result.framework.measures.compactMap { measure in count(measures[measure.id], id: measure.id) }
        var moves: [ShareMove] = []
        for goal in result.goals {
            for measure in goal.measures {
                // Only measures both runs had: a new or renamed measure has no share to move from.
                guard let baseline, let before = baseline.measureShares[measure.id] else { continue }
                let after = goal.share(of: measure)
                if abs(after - before) > 1e-9 { moves.append(ShareMove(measureID: measure.id, before: before, after: after)) }
            }
        }
        moves.sort { lhs, rhs in
            let left = abs(lhs.after - lhs.before)
            let right = abs(rhs.after - rhs.before)
            return left != right ? left > right : lhs.measureID < rhs.measureID
        }
        shareMoves = Array(moves.prefix(Self.moveLimit))
    }
}
