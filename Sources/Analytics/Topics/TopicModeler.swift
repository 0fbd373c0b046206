import Foundation

/// Topics: what citizens talk about, found by clustering the comments with ``GSDMM``, whatever
/// the measures are.
///
/// Rules, for one scope (the whole consultation, or one goal's comments):
/// - GSDMM over the comments' term bags (stems and compound parts), `maximumClusters` as the
///   generous upper bound, the seed of the run;
/// - a cluster becomes a topic when it holds at least `max(minimumComments, minimumShare · n)`
///   comments; smaller ones are individual concerns and get no topic;
/// - keywords: ``ClassTFIDF`` over the comments' keyword stems (no stopwords, numbers or short
///   fragments), nouns only (``DisplayForms/isNoun(_:)``), shown in the corpus's most frequent
///   spelling; the label joins the first three;
/// - quotes: the members most similar to the topic (the number of the topic's keywords they
///   contain), then diverse: one per campaign or duplicate group, none that shares more than half
///   of its keyword stems with one already chosen; ties by comment id;
/// - topics are numbered by size (largest first, ties by their first comment): `T1`, `T2`, … for
///   the whole consultation, `<goal>.T1`, … per goal; ``TopicLedger`` then gives a topic that
///   was there in the previous run its old id.
public struct TopicModeler: Sendable, Equatable, Codable {
    public var clusterer: GSDMM
    public var minimumComments: Int
    public var minimumShare: Double
    public var keywordLimit: Int
    public var quoteLimit: Int

    public init(
        clusterer: GSDMM = GSDMM(), minimumComments: Int = 3, minimumShare: Double = 0.01, keywordLimit: Int = 8,
        quoteLimit: Int = 3
    ) {
        self.clusterer = clusterer
        self.minimumComments = minimumComments
        self.minimumShare = minimumShare
        self.keywordLimit = keywordLimit
        self.quoteLimit = quoteLimit
    }

    /// What the modeler needs of each comment.
    public struct Input: Sendable {
        public let bags: [TermBag]
        public let keywordStems: [Set<String>]
        public let contributionKeys: [String]
        public let ids: [String]
        public let display: DisplayForms
        /// The noun stems among `keywordStems`: what topic keywords are drawn from.
        public let nounStems: [Set<String>]

        public init(bags: [TermBag], keywordStems: [Set<String>], contributionKeys: [String], ids: [String], display: DisplayForms) {
            self.bags = bags
            self.keywordStems = keywordStems
            self.nounStems = keywordStems.map { Set($0.filter(display.isNoun)) }
            self.contributionKeys = contributionKeys
            self.ids = ids
            self.display = display
        }
    }

    /// The topics of the comments at `members` (indices into `input`), numbered with `prefix`.
    public func topics(of members: [Int], input: Input, goal: String?, prefix: String, seed: UInt64, threads: Int) -> [Topic] {
        guard !members.isEmpty else { return [] }
        let matrix = TermMatrix(bags: members.map { input.bags[$0] })
        let result = clusterer.cluster(documents: matrix.rows, vocabularySize: matrix.vocabularySize, seed: seed, threads: threads)
        var groups = [[Int]](repeating: [], count: result.clusterCount)
        for (position, cluster) in result.assignments.enumerated() { groups[cluster].append(members[position]) }
        let floor = max(minimumComments, Int((minimumShare * Double(members.count)).rounded(.up)))
        let kept = groups.filter { $0.count >= floor }.sorted { lhs, rhs in
            lhs.count != rhs.count ? lhs.count > rhs.count : (lhs.first ?? 0) < (rhs.first ?? 0)
        }
        // Keywords: noun stems only, ranked by c-TF-IDF against the scope's other clusters.
        let ranked = ClassTFIDF.keywords(clusters: kept, documents: input.nounStems, limit: keywordLimit)
        let coherence = TopicCoherence(documents: members.map { input.keywordStems[$0] })
        return zip(kept, ranked).enumerated().map { offset, item in
            let (group, terms) = item
            let keywords = terms.map { TopicKeyword(stem: $0.term, display: input.display.display($0.term), weight: $0.score) }
            return Topic(
                id: "\(prefix)T\(offset + 1)", goal: goal, members: group,
                label: keywords.prefix(3).map(\.display).joined(separator: " · "), keywords: keywords,
                quotes: quotes(group, keywords: Set(terms.map(\.term)), input: input),
                coherence: coherence.npmi(terms.map(\.term)))
        }
    }

    private func quotes(_ group: [Int], keywords: Set<String>, input: Input) -> [Int] {
        guard !keywords.isEmpty else { return Array(group.prefix(quoteLimit)) }
        let ranked = group.sorted { lhs, rhs in
            let left = input.keywordStems[lhs].intersection(keywords).count
            let right = input.keywordStems[rhs].intersection(keywords).count
            return left != right ? left > right : input.ids[lhs] < input.ids[rhs]
        }
        var chosen: [Int] = []
        var groupsSeen: Set<String> = []
        for candidate in ranked where chosen.count < quoteLimit {
            guard !groupsSeen.contains(input.contributionKeys[candidate]) else { continue }
            let stems = input.keywordStems[candidate]
            let tooClose = chosen.contains { other in
                let shared = stems.intersection(input.keywordStems[other]).count
                return Double(shared) > 0.5 * Double(max(1, min(stems.count, input.keywordStems[other].count)))
            }
            guard !tooClose else { continue }
            groupsSeen.insert(input.contributionKeys[candidate])
            chosen.append(candidate)
        }
        return chosen
    }
}

/// A topic of one scope.
public struct Topic: Sendable, Equatable {
    public var id: String
    /// The goal whose comments it groups; nil for the whole consultation.
    public var goal: String?
    /// Indices of its comments.
    public var members: [Int]
    public var label: String
    public var keywords: [TopicKeyword]
    /// Indices of the quoted comments.
    public var quotes: [Int]
    /// ``TopicCoherence`` NPMI of its keywords over the scope's comments.
    public var coherence: Double

    public init(
        id: String, goal: String?, members: [Int], label: String, keywords: [TopicKeyword], quotes: [Int],
        coherence: Double = 0
    ) {
        self.coherence = coherence
        self.id = id
        self.goal = goal
        self.members = members
        self.label = label
        self.keywords = keywords
        self.quotes = quotes
    }
}

/// A keyword of a topic, with its c-TF-IDF weight.
public struct TopicKeyword: Sendable, Equatable, Codable {
    public var stem: String
    public var display: String
    public var weight: Double

    public init(stem: String, display: String, weight: Double) {
        self.stem = stem
        self.display = display
        self.weight = weight
    }
}
