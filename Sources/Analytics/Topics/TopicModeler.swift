import Foundation

/// Topics: what citizens talk about, found by clustering the comments (``TopicClustering``:
/// GSDMM or spherical k-means), whatever the measures are.
///
/// Rules, for one scope (the whole consultation, or one goal's comments):
/// - clustering over the comments' term bags (stems and compound parts) with the seed of the
///   run; K is `fixedTopics` when given, else chosen by ``TopicCountSelection`` (coherence plus
///   stability across seeds, held across runs by its hysteresis); the kept clustering is the
///   best of the scoring runs at that K (each of `selection.sweeps` sweeps),
///   finished to the sampler's full sweeps (``TopicClustering/finish(_:clusters:over:after:)``), and, in
///   a scope larger than the selection's sample, extended to all comments
///   (``TopicClustering/extend(_:sample:clusters:over:seed:)``);
/// - a cluster becomes a topic when it holds at least `max(minimumComments, minimumShare · n)`
///   comments; smaller ones are individual concerns and get no topic;
/// - keywords: nouns (``DisplayForms/isNoun(_:)``) among the comments' keyword stems (no
///   stopwords, numbers or short fragments) found in at least two of the topic's comments,
///   ranked by G² against the rest of the consultation (``KeynessExtractor``: a word every goal
///   uses, like the city's name, is no keyword of a topic), each with its ``ClassTFIDF`` weight
///   among the scope's topics; shown in the corpus's most frequent spelling;
/// - phrases: the ``PhraseFinder`` phrases, ranked the same way;
/// - label: the top phrase, then top keywords not part of it, three items in all;
/// - quotes: the members closest to the topic's centre (cosine of their normalised term counts
///   to the sum of all members'; ``closenessToCentre(_:)``; ties by comment id), then diverse:
///   one per campaign or duplicate group, none that shares more than half of its keyword stems
///   with one already chosen;
/// - topics are numbered by size (largest first, ties by their first comment): `T1`, `T2`, … for
///   the whole consultation, `<goal>.T1`, … per goal; ``TopicLedger`` then gives a topic that
///   was there in the previous run its old id.
public struct TopicModeler: Sendable, Equatable, Codable {
    public var clustering: TopicClustering
    /// K for every scope (`--topics`); nil: chosen per scope.
    public var fixedTopics: Int?
    public var selection: TopicCountSelection
    public var minimumComments: Int
    public var minimumShare: Double
    public var keywordLimit: Int
    public var quoteLimit: Int

    public init(
        clustering: TopicClustering = TopicClustering(), fixedTopics: Int? = nil,
        selection: TopicCountSelection = TopicCountSelection(), minimumComments: Int = 3, minimumShare: Double = 0.01,
        keywordLimit: Int = 8, quoteLimit: Int = 3
    ) {
        self.clustering = clustering
        self.fixedTopics = fixedTopics
        self.selection = selection
        self.minimumComments = minimumComments
        self.minimumShare = minimumShare
        self.keywordLimit = keywordLimit
        self.quoteLimit = quoteLimit
    }

    /// What the modeler needs of each comment.
    public struct Input: Sendable {
        public let bags: [TermBag]
        public let keywordStems: [TermSet]
        public let contributionKeys: [String]
        public let ids: [String]
        /// The run's terms, for the keywords' stems and spellings.
        public let vocabulary: TermVocabulary
        public let display: DisplayForms
        /// The noun stems among `keywordStems`: what topic keywords are drawn from.
        public let nounStems: [TermSet]
        /// NPMI over all comments' noun stems, for choosing the number of topics.
        public let reference: TopicCoherence<TermID>
        /// Per comment its phrase keys, and their spellings.
        public let phrases: PhraseFinder.Phrases
        /// `nounStems` and the phrases, counted once for the keywords of every topic.
        let nounDocuments: KeywordDocuments<TermID>
        let phraseDocuments: KeywordDocuments<TermID>

        public init(
            bags: [TermBag], keywordStems: [TermSet], contributionKeys: [String], ids: [String],
            vocabulary: TermVocabulary, display: DisplayForms, phrases: PhraseFinder.Phrases? = nil
        ) {
            self.phrases = phrases ?? PhraseFinder.Phrases(perComment: keywordStems.map { _ in [] })
            self.bags = bags
            self.keywordStems = keywordStems
            self.vocabulary = vocabulary
            let nounStems = keywordStems.map { $0.filter { display.isNoun(vocabulary[$0]) } }
            self.nounStems = nounStems
            self.reference = TopicCoherence(documents: nounStems)
            self.nounDocuments = KeywordDocuments(nounStems)
            self.phraseDocuments = KeywordDocuments(self.phrases.perComment)
            self.contributionKeys = contributionKeys
            self.ids = ids
            self.display = display
        }
    }

    /// The topics of one scope, and how its number of topics was chosen.
    public struct Scope: Sendable {
        public var topics: [Topic]
        /// nil when K was fixed or the scope had no comments.
        public var count: TopicCountState?
        /// The score of each candidate K (empty when K was fixed).
        public var scores: [TopicCountSelection.Score]
    }

    /// One scope to find topics in: its comments (indices into the input), its goal, the prefix
    /// of its topic ids, and its ``TopicCountState`` of the previous run.
    public struct ScopeRequest: Sendable {
        public var members: [Int]
        public var goal: String?
        public var prefix: String
        public var previous: TopicCountState?

        public init(members: [Int], goal: String?, prefix: String, previous: TopicCountState? = nil) {
            self.members = members
            self.goal = goal
            self.prefix = prefix
            self.previous = previous
        }
    }

    /// The topics of the comments at `members` (indices into `input`), numbered with `prefix`;
    /// `previous` is the scope's ``TopicCountState`` of the previous run.
    public func topics(
        of members: [Int], input: Input, goal: String?, prefix: String, seed: UInt64, threads: Int,
        previous: TopicCountState? = nil
    ) -> Scope {
        topics(
            of: [ScopeRequest(members: members, goal: goal, prefix: prefix, previous: previous)], input: input, seed: seed,
            threads: threads)[0]
    }

    /// The topics of several scopes, each as if found alone (the same seeds, so the same topics),
    /// with the work of all scopes shared among the threads: the scoring runs of every scope are
    /// chunks of one parallel map, and each scope's chosen run is finished and extended (a
    /// sequential sampler) while the other threads do the same for other scopes.
    public func topics(of scopes: [ScopeRequest], input: Input, seed: UInt64, threads: Int) -> [Scope] {
        let found = scopes.indices.filter { !scopes[$0].members.isEmpty }
        var results = [Scope](repeating: Scope(topics: [], count: nil, scores: []), count: scopes.count)
        let clusterings: [Clustering]
        let states: [TopicCountState?]
        let scores: [[TopicCountSelection.Score]]
        if let fixedTopics {
            clusterings = found.map { scope in
                clustering.best(
                    prepared(scopes[scope].members, input: input), clusters: fixedTopics, seed: seed, runs: selection.seeds,
                    threads: threads)
            }
            (states, scores) = (found.map { _ in nil }, found.map { _ in [] })
        } else {
            // K is scored on a sample of a large scope (all comments of a small one); the best run of
            // the chosen K is finished and, in a large scope, extended to all its comments.
            let samples = found.map { selection.sample(scopes[$0].members.count) }
            let sampled = found.indices.map { index in samples[index].map { scopes[found[index]].members[$0] } }
            let scoredRows = sampled.map { prepared($0, input: input) }
            let scored = selection.score(
                found.indices.map { index in
                    TopicCountSelection.Scope(
                        prepared: scoredRows[index], keywordDocuments: sampled[index].map { input.nounStems[$0] },
                        floor: floor(samples[index].count))
                }, reference: input.reference, clustering: clustering, seed: seed, threads: threads)
            let held = found.indices.map { selection.hold(scored[$0].scores, previous: scopes[found[$0]].previous) }
            clusterings = ParallelMap.map(count: found.count, threads: threads, chunksPerThread: found.count) { range in
                range.map { index in
                    let members = scopes[found[index]].members
                    let k = held[index].clusters
                    guard let chosen = scored[index].scores.firstIndex(where: { $0.clusters == k }) else {
                        return clustering.best(
                            prepared(members, input: input), clusters: k, seed: seed, runs: selection.seeds, threads: 1)
                    }
                    let finished = clustering.finish(
                        TopicClustering.best(of: scored[index].runs[chosen]), clusters: k, over: scoredRows[index],
                        after: selection.sweeps)
                    guard samples[index].count < members.count else { return finished }
                    return clustering.extend(
                        finished, sample: samples[index], clusters: k, over: prepared(members, input: input), seed: finished.seed)
                }
            }
            (states, scores) = (held, scored.map(\.scores))
        }
        for (index, scope) in found.enumerated() {
            let request = scopes[scope]
            let result = clusterings[index]
            var groups = [[Int]](repeating: [], count: result.clusterCount)
            for (position, cluster) in result.assignments.enumerated() { groups[cluster].append(request.members[position]) }
            let kept = groups.filter { $0.count >= floor(request.members.count) }.sorted { lhs, rhs in
                lhs.count != rhs.count ? lhs.count > rhs.count : (lhs.first ?? 0) < (rhs.first ?? 0)
            }
            results[scope] = Scope(
                topics: describe(
                    kept, input: input, members: request.members, goal: request.goal, prefix: request.prefix, threads: threads),
                count: states[index], scores: scores[index])
        }
        return results
    }

    /// The term rows of the comments at `members`, prepared for the clusterer.
    private func prepared(_ members: [Int], input: Input) -> TopicClustering.Prepared {
        let matrix = TermMatrix(bags: members.map { input.bags[$0] })
        return clustering.prepare(rows: matrix.rows, vocabularySize: matrix.vocabularySize)
    }

    /// Comments a cluster needs to be a topic in a scope of `comments` comments.
    func floor(_ comments: Int) -> Int {
        max(minimumComments, Int((minimumShare * Double(comments)).rounded(.up)))
    }

    private func describe(
        _ kept: [[Int]], input: Input, members: [Int], goal: String?, prefix: String, threads: Int
    ) -> [Topic] {
        let weights = ClassTFIDF.keywords(clusters: kept, documents: input.nounStems, limit: Int.max)
        let extractor = KeynessExtractor(minimumComments: 2, limit: keywordLimit)
        let phraseExtractor = KeynessExtractor(minimumComments: 2, limit: 5)
        // Each topic's keywords, phrases and quotes depend on its own comments only: in parallel.
        let described = ParallelMap.map(count: kept.count, threads: threads, chunksPerThread: kept.count) { range in
            range.map { index in
                let group = kept[index]
                let weight = Dictionary(uniqueKeysWithValues: weights[index].map { ($0.term, $0.score) })
                let ranked = extractor.ranked(target: group, documents: input.nounDocuments) { id in
                    weight[id] == nil ? nil : (input.vocabulary[id], input.display.display(input.vocabulary[id]))
                }
                let keywords = ranked.map { term, keyword in
                    TopicKeyword(
                        stem: keyword.stem, display: keyword.display, weight: weight[term] ?? 0,
                        logLikelihood: keyword.logLikelihood)
                }
                let phrases = phraseExtractor.keywords(
                    target: group, documents: input.phraseDocuments, shown: input.phrases.shown)
                return (terms: ranked.map(\.term), keywords: keywords, phrases: phrases, quotes: quotes(group, input: input))
            }
        }
        // NPMI over the scope's comments, counted for the topics' keywords only.
        let coherence = TopicCoherence(
            documents: members.map { input.keywordStems[$0] }, keeping: Set(described.flatMap(\.terms)))
        return zip(kept, described).enumerated().map { offset, item in
            let (group, topic) = item
            return Topic(
                id: "\(prefix)T\(offset + 1)", goal: goal, members: group,
                label: Self.label(phrases: topic.phrases, keywords: topic.keywords),
                keywords: topic.keywords, phrases: topic.phrases, quotes: topic.quotes,
                coherence: coherence.npmi(topic.terms))
        }
    }

    /// The top phrase, then the top keywords that are not words of it: three items in all.
    public static func label(phrases: [Keyword], keywords: [TopicKeyword]) -> String {
        var items: [String] = []
        var covered: Set<String> = []
        if let phrase = phrases.first(where: \.isSignificant) {
            items.append(phrase.display)
            covered = Set(phrase.stem.split(separator: " ").map(String.init))
        }
        for keyword in keywords where items.count < 3 && !covered.contains(keyword.stem) { items.append(keyword.display) }
        return items.joined(separator: " · ")
    }

    private func quotes(_ group: [Int], input: Input) -> [Int] {
        let closeness = Self.closenessToCentre(group.map { input.bags[$0] })
        let ranked = group.indices.sorted { lhs, rhs in
            closeness[lhs] != closeness[rhs] ? closeness[lhs] > closeness[rhs] : input.ids[group[lhs]] < input.ids[group[rhs]]
        }.map { group[$0] }
        var chosen: [Int] = []
        var groupsSeen: Set<String> = []
        for candidate in ranked where chosen.count < quoteLimit {
            guard !groupsSeen.contains(input.contributionKeys[candidate]) else { continue }
            let stems = input.keywordStems[candidate]
            let tooClose = chosen.contains { other in
                let shared = stems.intersectionCount(input.keywordStems[other])
                return Double(shared) > 0.5 * Double(max(1, min(stems.count, input.keywordStems[other].count)))
            }
            guard !tooClose else { continue }
            groupsSeen.insert(input.contributionKeys[candidate])
            chosen.append(candidate)
        }
        return chosen
    }

    /// Cosine similarity of each bag to the centre of all: bags as L2-normalised term counts, the
    /// centre their sum. Sums run over sorted terms, so the figures are the same in every process.
    public static func closenessToCentre(_ bags: [TermBag]) -> [Double] {
        let vectors = bags.map { bag -> [(term: TermID, weight: Double)] in
            let norm = bag.counts.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            return bag.entries.map { ($0, norm > 0 ? Double($1) / norm : 0) }
        }
        var centre: [TermID: Double] = [:]
        for vector in vectors { for (term, weight) in vector { centre[term, default: 0] += weight } }
        let centreNorm = centre.keys.sorted().reduce(0.0) { $0 + (centre[$1] ?? 0) * (centre[$1] ?? 0) }.squareRoot()
        return vectors.map { vector in
            centreNorm > 0 ? vector.reduce(0.0) { $0 + $1.weight * (centre[$1.term] ?? 0) } / centreNorm : 0
        }
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
    public var phrases: [Keyword]
    /// Indices of the quoted comments.
    public var quotes: [Int]
    /// ``TopicCoherence`` NPMI of its keywords over the scope's comments.
    public var coherence: Double

    public init(
        id: String, goal: String?, members: [Int], label: String, keywords: [TopicKeyword], phrases: [Keyword] = [],
        quotes: [Int], coherence: Double = 0
    ) {
        self.phrases = phrases
        self.coherence = coherence
        self.id = id
        self.goal = goal
        self.members = members
        self.label = label
        self.keywords = keywords
        self.quotes = quotes
    }
}

/// A keyword of a topic: its c-TF-IDF weight among the scope's topics, and its G² against the
/// rest of the consultation (what it is ranked by).
public struct TopicKeyword: Sendable, Equatable, Codable {
    public var stem: String
    public var display: String
    public var weight: Double
    public var logLikelihood: Double

    public init(stem: String, display: String, weight: Double, logLikelihood: Double = 0) {
        self.stem = stem
        self.display = display
        self.weight = weight
        self.logLikelihood = logLikelihood
    }
}
