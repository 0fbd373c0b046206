import Foundation

/// Chooses the number of topics K of a scope from the comments, and holds it from run to run.
///
/// Score of a candidate K, from its runs with seeds `seed, seed+1, …` (`seeds` of them, or the
/// first `firstSeeds` when it trails in the race of ``score(_:reference:clustering:seed:threads:)``):
/// - coherence: per run, `Σ_t (|t| / n) · NPMI(t)` over the clusters t of at least `floor`
///   comments, NPMI (``TopicCoherence``, over the `reference` documents) of the cluster's top
///   `keywordsPerTopic` c-TF-IDF terms among those at least two of its comments share, averaged
///   over the runs. Comments in clusters too small to be topics add nothing, so a K that
///   shatters the comments into crumbs scores low; a word of one comment says nothing about
///   a topic;
/// - stability (Greene, O'Callaghan & Cunningham 2014, on topics' terms rather than on
///   comments): for two runs with topic keyword sets T and U, match topics one to one, most
///   similar first, by the Jaccard index of their keyword sets; agreement =
///   `Σ matched Jaccard / max(|T|, |U|)`; stability = the mean agreement over all pairs of runs,
///   minus its chance level: the mean agreement of each run with the same run whose comments
///   were shuffled among its clusters (sizes kept, ``SplitMix64`` from the run's seed). A K whose
///   topics a new seed redraws is structure the data does not hold; the chance level removes
///   what any K-way split of these comments would share (the consultation's most common words,
///   which make the topics of a two-way split look alike in every run). (Partition
///   indices such as ARI are no guide here: they rise with K wherever duplicates and campaign
///   texts form tiny clusters that every run finds again.)
/// - coherence tends to rise with K (small clusters share their words) and stability to fall,
///   and they come on different scales; so each is standardised over the candidates (minus
///   its mean, divided by its standard deviation; 0 when all are equal), and `score = z(coherence)
///   + z(stability)`. The chosen K is the smallest whose score lies within `tolerance` of the
///   best: of two structures the data supports about equally, the simpler one.
/// Candidates are the `candidates` with `K · max(floor, averageSize) ≤ n` (at least the
/// smallest): a report lists topics a reader can take in, each worth on average `averageSize`
/// comments; without this bound both criteria reward dozens of three-comment clusters in a goal
/// of a hundred comments. (For GSDMM, K is the upper bound the sampler may use.) A scope of more
/// than `sampleLimit` comments is scored on an evenly spaced sample of that many, so that the
/// cost of choosing stays bounded; the caller extends the chosen run to all comments
/// (``TopicClustering/extend(_:sample:clusters:over:seed:)``).
///
/// Each scoring run of GSDMM makes `sweeps` sweeps, not the sampler's full number: the scores
/// compare candidates, and GSDMM's clusters settle within a few sweeps (Yin & Wang 2014 saw the
/// number of clusters and NMI level off within about ten); the caller finishes the chosen run
/// (``TopicClustering/finish(_:clusters:over:after:)``). (k-means runs to convergence either way.)
///
/// Hysteresis (``hold(_:previous:)``): a run keeps the previous run's K unless the best K beats
/// it by more than `tolerance`; the best K is taken over only when it has won in `confirmations`
/// consecutive runs. So one noisy night never changes the number of topics.
public struct TopicCountSelection: Sendable, Equatable, Codable {
    public var candidates: [Int]
    public var averageSize: Int
    public var seeds: Int
    /// Runs every candidate makes before the race decides which go on to `seeds`
    /// (``score(_:reference:clustering:seed:threads:)``); `seeds` or more: no race.
    public var firstSeeds: Int
    /// How far beyond `tolerance` below the best a candidate's score may lie after its first
    /// runs and still go on.
    public var margin: Double
    /// GSDMM sweeps of each scoring run.
    public var sweeps: Int
    public var sampleLimit: Int
    public var keywordsPerTopic: Int
    public var tolerance: Double
    public var confirmations: Int

    public init(
        candidates: [Int] = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40], averageSize: Int = 10, seeds: Int = 5,
        firstSeeds: Int = 3, margin: Double = 1, sweeps: Int = 10, sampleLimit: Int = 1000,
        keywordsPerTopic: Int = 5, tolerance: Double = 0.25, confirmations: Int = 3
    ) {
        precondition(
            !candidates.isEmpty && candidates.allSatisfy { $0 > 0 } && seeds > 0 && firstSeeds > 0 && margin >= 0
                && sweeps >= 0 && sampleLimit > 0,
            "invalid selection")
        self.candidates = candidates.sorted()
        self.averageSize = averageSize
        self.seeds = seeds
        self.firstSeeds = firstSeeds
        self.margin = margin
        self.sweeps = sweeps
        self.sampleLimit = sampleLimit
        self.keywordsPerTopic = keywordsPerTopic
        self.tolerance = tolerance
        self.confirmations = confirmations
    }

    enum CodingKeys: String, CodingKey {
        case candidates, averageSize, seeds, firstSeeds, margin, sweeps, sampleLimit, keywordsPerTopic, tolerance, confirmations
    }

    /// A stored selection. One stored before `sweeps` existed (in a run's method settings) scored
    /// with the sampler's full sweeps, GSDMM's default, and reads back as such; one stored before
    /// the race existed ran every candidate `seeds` times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        candidates = try container.decode([Int].self, forKey: .candidates)
        averageSize = try container.decode(Int.self, forKey: .averageSize)
        seeds = try container.decode(Int.self, forKey: .seeds)
        firstSeeds = try container.decodeIfPresent(Int.self, forKey: .firstSeeds) ?? seeds
        margin = try container.decodeIfPresent(Double.self, forKey: .margin) ?? 0
        sweeps = try container.decodeIfPresent(Int.self, forKey: .sweeps) ?? GSDMM().iterations
        sampleLimit = try container.decode(Int.self, forKey: .sampleLimit)
        keywordsPerTopic = try container.decode(Int.self, forKey: .keywordsPerTopic)
        tolerance = try container.decode(Double.self, forKey: .tolerance)
        confirmations = try container.decode(Int.self, forKey: .confirmations)
    }

    /// How one candidate K scored.
    public struct Score: Sendable, Equatable, Codable {
        public var clusters: Int
        public var coherence: Double
        public var stability: Double
        /// `z(coherence) + z(stability)` over the candidates.
        public var score: Double
        /// The runs it was scored on: all seeds, or the first ones when it fell behind in the race.
        public var runs: Int

        public init(clusters: Int, coherence: Double, stability: Double, score: Double, runs: Int) {
            self.clusters = clusters
            self.coherence = coherence
            self.stability = stability
            self.score = score
            self.runs = runs
        }

        enum CodingKeys: String, CodingKey {
            case clusters, coherence, stability, score, runs
        }

        /// A stored score; one stored before the race was scored on the five seeds every
        /// candidate then made.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            clusters = try container.decode(Int.self, forKey: .clusters)
            coherence = try container.decode(Double.self, forKey: .coherence)
            stability = try container.decode(Double.self, forKey: .stability)
            score = try container.decode(Double.self, forKey: .score)
            runs = try container.decodeIfPresent(Int.self, forKey: .runs) ?? 5
        }
    }

    /// The candidate Ks for `comments` comments whose topics need `floor` comments each.
    public func candidates(comments: Int, floor: Int) -> [Int] {
        let fitting = candidates.filter { $0 * max(1, floor, averageSize) <= comments }
        return fitting.isEmpty ? [candidates[0]] : fitting
    }

    /// The positions of the comments the choice is scored on: all, or `sampleLimit` evenly spaced.
    public func sample(_ count: Int) -> [Int] {
        guard count > sampleLimit else { return Array(0..<count) }
        return (0..<sampleLimit).map { $0 * count / sampleLimit }
    }

    /// One scope whose candidates are scored: its rows, each row's keyword terms, and the
    /// comments a topic needs in it.
    public struct Scope<Term: Comparable & Hashable & Sendable>: Sendable {
        public var prepared: TopicClustering.Prepared
        public var keywordDocuments: [SortedSet<Term>]
        public var floor: Int

        public init(prepared: TopicClustering.Prepared, keywordDocuments: [SortedSet<Term>], floor: Int) {
            self.prepared = prepared
            self.keywordDocuments = keywordDocuments
            self.floor = floor
        }
    }

    /// Scores every candidate K on `prepared`, and returns the runs too (per candidate, per seed),
    /// so a caller that scored all comments can keep the best run of the chosen K.
    public func score<Term>(
        _ prepared: TopicClustering.Prepared, keywordDocuments: [SortedSet<Term>], reference: TopicCoherence<Term>,
        floor: Int,
        clustering: TopicClustering, seed: UInt64, threads: Int
    ) -> (scores: [Score], runs: [[Clustering]]) {
        score(
            [Scope(prepared: prepared, keywordDocuments: keywordDocuments, floor: floor)], reference: reference,
            clustering: clustering, seed: seed, threads: threads)[0]
    }

    /// Scores every candidate K of several scopes at once, each as if alone (see the type's
    /// rules, and the race below), and returns per scope the scores and the runs (per candidate,
    /// per seed made).
    ///
    /// The race: every candidate first makes `firstSeeds` runs (seeds `seed, seed+1, …`) and is
    /// scored on them; the candidates whose score lies within `tolerance + margin` of the best
    /// make their remaining runs up to `seeds`, and all are scored again, each on the runs it made
    /// (``Score/runs``); again until every candidate within `tolerance + margin` of the best has
    /// made all its runs. So the chosen K and every K near it are scored on all seeds, and only a
    /// K that trails clearly stops early: in a scope whose scores are all close (no structure)
    /// every candidate makes all its runs; where some Ks clearly lose, they stop, and the large
    /// Ks, whose runs cost most, are the ones that lose on most corpora.
    ///
    /// Each run is a chunk of its own, of all scopes' runs together: a run with K = 40 costs twenty
    /// times one with K = 2, so a thread that drew small runs takes the next while the large ones
    /// go on. (Starting with the largest K made no difference on 10,000 generated comments.)
    public func score<Term>(
        _ scopes: [Scope<Term>], reference: TopicCoherence<Term>, clustering: TopicClustering, seed: UInt64,
        threads: Int
    ) -> [(scores: [Score], runs: [[Clustering]])] {
        let ks = scopes.map { candidates(comments: $0.prepared.count, floor: $0.floor) }
        var runs = ks.map { $0.map { _ in [Clustering]() } }
        var described = ks.map { $0.map { _ in [Described<Term>]() } }
        // NPMI's joint count of each distinct pair of keywords, over all scopes' runs (one
        // reference): each pair counted once, when a run first names it.
        var joint: [TopicCoherence<Term>.Pair: Int] = [:]
        /// Makes and describes, for the candidates `take` says, the runs from the seeds they have
        /// made up to `upTo`.
        func extend(upTo: Int, take: (Int, Int) -> Bool) {
            let jobs = ks.indices.flatMap { scope in
                ks[scope].indices.filter { take(scope, $0) }.flatMap { candidate in
                    (runs[scope][candidate].count..<upTo).map { (scope: scope, candidate: candidate, seed: seed &+ UInt64($0)) }
                }
            }
            let made = ParallelMap.map(count: jobs.count, threads: threads, chunksPerThread: jobs.count) { range in
                range.map { index in
                    let job = jobs[index]
                    let run = clustering.run(
                        scopes[job.scope].prepared, clusters: ks[job.scope][job.candidate], seed: job.seed, sweeps: sweeps)
                    return (run: run, described: describe(run, scope: scopes[job.scope]))
                }
            }
            for (job, result) in zip(jobs, made) {
                runs[job.scope][job.candidate].append(result.run)
                described[job.scope][job.candidate].append(result.described)
            }
            reference.addJointCounts(made.flatMap { $0.described.topics.map(\.keywords) }, to: &joint, threads: threads)
        }
        extend(upTo: min(firstSeeds, seeds)) { _, _ in true }
        var scored = ks.indices.map { scope in
            scores(ks[scope], described: described[scope], runs: runs[scope], reference: reference, joint: joint)
        }
        // Until every candidate near the best has made all its runs: a candidate's score moves
        // with its further runs and with those of the others (the scores are standardised over
        // all), so one stopped early may come near the best again, and then goes on too.
        while true {
            let going = ks.indices.map { scope in
                let top = scored[scope].map(\.score).max() ?? 0
                return scored[scope].map { $0.runs < seeds && $0.score >= top - tolerance - margin }
            }
            guard going.contains(where: { $0.contains(true) }) else { break }
            extend(upTo: seeds) { going[$0][$1] }
            for scope in ks.indices where going[scope].contains(true) {
                scored[scope] = scores(
                    ks[scope], described: described[scope], runs: runs[scope], reference: reference, joint: joint)
            }
        }
        return ks.indices.map { (scored[$0], runs[$0]) }
    }

    /// A scoring run's topics, and the keyword sets of its shuffled copy (the chance level).
    struct Described<Term: Comparable & Hashable & Sendable>: Sendable {
        var topics: [(size: Int, keywords: [Term])]
        var chance: [Set<Term>]
    }

    func describe<Term>(_ run: Clustering, scope: Scope<Term>) -> Described<Term> {
        Described(
            topics: topics(run, keywordDocuments: scope.keywordDocuments, floor: scope.floor),
            chance: topics(Self.shuffled(run), keywordDocuments: scope.keywordDocuments, floor: scope.floor)
                .map { Set($0.keywords) })
    }

    /// The scores of candidates `ks` from their runs and the runs' descriptions (NPMI's joint
    /// counts from `joint`): coherence and stability per candidate over the runs it made,
    /// standardised over the candidates.
    func scores<Term>(
        _ ks: [Int], described: [[Described<Term>]], runs: [[Clustering]], reference: TopicCoherence<Term>,
        joint: [TopicCoherence<Term>.Pair: Int]
    ) -> [Score] {
        let raw = ks.indices.map { candidate in
            let own = described[candidate]
            let count = own.count
            let keywords = own.map { $0.topics.map { Set($0.keywords) } }
            var chance = 0.0
            for (run, sets) in zip(own, keywords) {
                chance += Self.agreement(sets, run.chance) / Double(count)
            }
            var agreement = 0.0
            var pairs = 0
            for i in keywords.indices {
                for j in keywords.indices where j > i {
                    agreement += Self.agreement(keywords[i], keywords[j])
                    pairs += 1
                }
            }
            let coherence = zip(own, runs[candidate]).map { run, clustering in
                Self.coherence(run.topics, comments: clustering.assignments.count) { reference.npmi($0, joint: joint) }
            }
            return Score(
                clusters: ks[candidate], coherence: coherence.reduce(0, +) / Double(count),
                stability: (pairs > 0 ? agreement / Double(pairs) : 1) - chance, score: 0, runs: count)
        }
        let coherence = Self.standardised(raw.map(\.coherence))
        let stability = Self.standardised(raw.map(\.stability))
        return raw.indices.map { index in
            var score = raw[index]
            score.score = coherence[index] + stability[index]
            return score
        }
    }

    /// A run's topics (its clusters of at least `floor` comments), each with its size and its top
    /// ``keywordsPerTopic`` c-TF-IDF terms among those at least two of its comments share.
    func topics<Term>(
        _ run: Clustering, keywordDocuments: [SortedSet<Term>], floor: Int
    ) -> [(size: Int, keywords: [Term])] {
        guard !run.assignments.isEmpty else { return [] }
        var groups = [[Int]](repeating: [], count: run.clusterCount)
        for (document, cluster) in run.assignments.enumerated() { groups[cluster].append(document) }
        let kept = groups.filter { $0.count >= floor }
        let keywords = ClassTFIDF.keywords(clusters: kept, documents: keywordDocuments, limit: keywordsPerTopic, minimumCount: 2)
        return zip(kept, keywords).map { ($0.count, $1.map(\.term)) }
    }

    /// A run's coverage-weighted coherence, `Σ_t (|t| / n) · NPMI(t)` over its `topics`, with
    /// n = `comments`.
    static func coherence<Term>(
        _ topics: [(size: Int, keywords: [Term])], comments: Int, npmi: ([Term]) -> Double
    ) -> Double {
        guard comments > 0 else { return 0 }
        var sum = 0.0
        for topic in topics { sum += Double(topic.size) * npmi(topic.keywords) }
        return sum / Double(comments)
    }

    /// The run with its cluster labels shuffled among the comments (Fisher–Yates from the run's seed).
    static func shuffled(_ run: Clustering) -> Clustering {
        var random = SplitMix64(seed: run.seed ^ 0x5EED_5EED_5EED_5EED)
        var labels = run.assignments
        for index in stride(from: labels.count - 1, to: 0, by: -1) {
            labels.swapAt(index, random.index(below: index + 1))
        }
        return Clustering(renumbering: labels, score: 0, seed: run.seed)
    }

    /// `(x − mean) / standard deviation`, or zeros when the values do not vary.
    static func standardised(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, values.count))).squareRoot()
        return values.map { deviation > 1e-12 ? ($0 - mean) / deviation : 0 }
    }

    /// Agreement of two runs' topics (see the type's stability rule).
    public static func agreement<Term>(_ first: [Set<Term>], _ second: [Set<Term>]) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return first.isEmpty && second.isEmpty ? 1 : 0 }
        var pairs: [(i: Int, j: Int, similarity: Double)] = []
        for (i, a) in first.enumerated() {
            for (j, b) in second.enumerated() {
                let union = a.union(b).count
                let similarity = union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
                if similarity > 0 { pairs.append((i, j, similarity)) }
            }
        }
        pairs.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.i, $0.j) < ($1.i, $1.j) }
        var usedFirst: Set<Int> = []
        var usedSecond: Set<Int> = []
        var sum = 0.0
        for pair in pairs where !usedFirst.contains(pair.i) && !usedSecond.contains(pair.j) {
            usedFirst.insert(pair.i)
            usedSecond.insert(pair.j)
            sum += pair.similarity
        }
        return sum / Double(max(first.count, second.count))
    }

    /// The smallest K whose score lies within `tolerance` of the best.
    public func best(_ scores: [Score]) -> Int {
        let top = scores.map(\.score).max() ?? 0
        return scores.first { $0.score >= top - tolerance }?.clusters ?? scores[0].clusters
    }

    /// The K to use this run, and the state to keep for the next, given this run's scores and
    /// the previous run's state of the scope (see the type's hysteresis rule).
    public func hold(_ scores: [Score], previous: TopicCountState?) -> TopicCountState {
        let best = best(scores)
        guard let previous, let held = scores.first(where: { $0.clusters == previous.clusters }) else {
            // First run of the scope, or the held K no longer fits its comments.
            return TopicCountState(clusters: best, best: best, challenger: nil, streak: 0)
        }
        let winner = scores.first { $0.clusters == best }.map { $0.score > held.score + tolerance } == true ? best : held.clusters
        guard winner != held.clusters else {
            return TopicCountState(clusters: held.clusters, best: best, challenger: nil, streak: 0)
        }
        let streak = previous.challenger == winner ? previous.streak + 1 : 1
        if streak >= confirmations { return TopicCountState(clusters: winner, best: best, challenger: nil, streak: 0) }
        return TopicCountState(clusters: held.clusters, best: best, challenger: winner, streak: streak)
    }
}

/// The number of topics a scope uses, and the challenger that may replace it.
public struct TopicCountState: Sendable, Equatable, Codable {
    /// K used in the run.
    public var clusters: Int
    /// The best-scoring K of the run (may differ from `clusters` while hysteresis holds it back).
    public var best: Int
    /// A K that beat `clusters` in the last `streak` consecutive runs.
    public var challenger: Int?
    public var streak: Int

    public init(clusters: Int, best: Int, challenger: Int?, streak: Int) {
        self.clusters = clusters
        self.best = best
        self.challenger = challenger
        self.streak = streak
    }
}
