import Corpus
import Foundation

/// Assigns every comment to the measures its evidence supports, with a calibrated confidence.
///
/// Steps, over the whole corpus at once:
/// 1. BM25 score of every comment against every measure's query (``MeasureQuery``);
/// 2. ``QueryExpansion``: each query takes in terms of its best-matching and reviewed comments;
///    the scores are computed again;
/// 3. ``NaiveBayesEM``: a Naive Bayes model trained on the confident and reviewed comments;
/// 4. ``PairFeatures`` → ``ConfidenceModel``: the probability that the pair is right, refitted on
///    reviewed pairs once there are enough of both kinds.
///
/// Decision rules per comment (`p₁ ≥ p₂ ≥ …` its confidences over all measures, reviewed
/// decisions applied first):
/// - a measure a reviewer accepted or assigned is assigned with confidence 1; one a reviewer
///   rejected is never listed; a comment with an accepted measure is `assigned`;
/// - `assigned` when `p₁ ≥ assignAt`, to every measure with `p ≥ assignAt` (multi-label), unless
///   the decision is a coin toss: `p₁` is the only one at or above `assignAt`,
///   `p₁ < assignAt + closeMargin`, and the runner-up lies within `tieMargin` of it — then
///   `uncertain`, listing both;
/// - `uncertain` when `reviewFloor ≤ p₁ < assignAt`: weak evidence, listed for review with the
///   candidates at or above `reviewFloor`, not counted;
/// - `unassigned` when `p₁ < reviewFloor`: the comment fits no measure.
/// Only measures the comment shares evidence with (a matched term, so a BM25 score above 0) take
/// part: a comment without evidence for any measure (`a`, `?`, an emoji) is `unassigned` with
/// no candidates, whatever the model's prior would say, and lists nothing to review.
/// Measures of other goals compete with the posted goal's (the `in_goal` feature weighs that),
/// so a comment plainly about another goal's measure is routed there.
public struct MeasureAssigner: Sendable {
    public struct Settings: Sendable, Equatable, Codable {
        public var expansion: QueryExpansion?
        public var selfTraining: NaiveBayesEM?
        public var assignAt: Double
        public var reviewFloor: Double
        public var closeMargin: Double
        public var tieMargin: Double
        /// Evidence terms listed per assignment, strongest first.
        public var evidenceLimit: Int
        /// How firmly reviewed decisions are held to the shipped confidence model when they refit
        /// it (the `precision` of ``ConfidenceModel/fit(samples:labels:prior:precision:iterations:)``);
        /// 0 leaves the model as shipped.
        public var reviewPrecision: Double
        /// The refit waits until the reviewed pairs hold at least this many right and this many
        /// wrong assignments.
        public var reviewMinimumEach: Int

        public init(
            expansion: QueryExpansion? = QueryExpansion(), selfTraining: NaiveBayesEM? = NaiveBayesEM(),
            assignAt: Double = 0.5, reviewFloor: Double = 0.3, closeMargin: Double = 0.1, tieMargin: Double = 0.05,
            evidenceLimit: Int = 5, reviewPrecision: Double = 10, reviewMinimumEach: Int = 10
        ) {
            self.reviewMinimumEach = reviewMinimumEach
            self.reviewPrecision = reviewPrecision
            self.expansion = expansion
            self.selfTraining = selfTraining
            self.assignAt = assignAt
            self.reviewFloor = reviewFloor
            self.closeMargin = closeMargin
            self.tieMargin = tieMargin
            self.evidenceLimit = evidenceLimit
        }
    }

    public let settings: Settings
    public let confidenceModel: ConfidenceModel

    public init(settings: Settings = Settings(), confidenceModel: ConfidenceModel) {
        precondition(0 < settings.reviewFloor && settings.reviewFloor <= settings.assignAt && settings.assignAt < 1,
            "need 0 < reviewFloor <= assignAt < 1")
        precondition(confidenceModel.features == PairFeatures.names, "the confidence model needs the features \(PairFeatures.names)")
        self.settings = settings
        self.confidenceModel = confidenceModel
    }

    /// Scores and decides every comment.
    /// - Parameters:
    ///   - goals: the goal each comment was posted under.
    ///   - contributions: per comment, the index of the first comment of its campaign or duplicate
    ///     group (its own index when it has none); nil when every comment stands alone.
    ///   - reviews: reviewed decisions per comment index.
    public func assess(
        bags: [TermBag], goals: [String?], contributions: [Int]? = nil, queries baseQueries: [MeasureQuery],
        reviews: [Int: ReviewedLabels], threads: Int
    ) -> AssignmentRun {
        precondition(bags.count == goals.count, "one goal (or nil) per comment")
        let contributions = contributions ?? Array(bags.indices)
        precondition(contributions.count == bags.count, "one contribution per comment")
        let index = BM25Index(documents: bags)
        let measureIndex = Dictionary(uniqueKeysWithValues: baseQueries.enumerated().map { ($1.measureID, $0) })
        let positives = reviews.mapValues { Set($0.accepted.compactMap { measureIndex[$0] }) }
        let negatives = reviews.mapValues { labels in
            Set(baseQueries.indices.filter { labels.isRejected(baseQueries[$0].measureID) })
        }
        var queries = baseQueries
        var (scores, matched) = Self.score(bags: bags, queries: queries, index: index, threads: threads)
        if let expansion = settings.expansion {
            let extra = expansion.expansions(
                bags: bags, index: index, queries: queries, scores: scores, contributions: contributions,
                positives: positives, negatives: negatives)
            queries = zip(queries, extra).map { $0.expanded(with: $1) }
            (scores, matched) = Self.score(bags: bags, queries: queries, index: index, threads: threads)
        }
        let matrix = TermMatrix(bags: bags)
        let candidates = goals.map { goal in
            queries.indices.filter { goal == nil || queries[$0].goalID == goal }
        }
        let likelihood = settings.selfTraining?.logLikelihoods(
            matrix: matrix, scores: scores, candidates: candidates, positives: positives, threads: threads)
        let features = PairFeatures(
            scores: scores, matched: matched, likelihood: likelihood, lengths: matrix.lengths, commentGoals: goals,
            measureGoals: queries.map(\.goalID))
        let width = PairFeatures.names.count
        let measures = queries.count
        let fittedModel = refit(features: features, measures: measures, positives: positives, negatives: negatives)
        let finalScores = scores
        let finalQueries = queries
        let assessments = ParallelMap.map(count: bags.count, threads: threads) { range in
            range.map { row in
                let values = features.row(row)
                let confidences = (0..<measures).map { column in
                    fittedModel.probability(values[(column * width)..<((column + 1) * width)])
                }
                return decide(
                    confidences: confidences, scores: (0..<measures).map { finalScores[row, $0] }, review: reviews[row],
                    queries: finalQueries, index: index, bag: bags[row], baseQueries: baseQueries)
            }
        }
        return AssignmentRun(
            assessments: assessments, features: features, measureIDs: queries.map(\.measureID), index: index,
            confidenceModel: confidenceModel)
    }

    /// The confidence model refitted on the reviewed pairs, shrunk towards the shipped one; the
    /// shipped one while the reviews hold fewer than `reviewMinimumEach` right or wrong pairs (a
    /// handful of decisions, or decisions all of one kind, say too little about how confidences
    /// should move: a few accepts alone would raise every count).
    private func refit(features: PairFeatures, measures: Int, positives: [Int: Set<Int>], negatives: [Int: Set<Int>])
        -> ConfidenceModel
    {
        guard !positives.isEmpty || !negatives.isEmpty, settings.reviewPrecision > 0 else { return confidenceModel }
        var samples: [[Double]] = []
        var labels: [Bool] = []
        for row in Set(positives.keys).union(negatives.keys).sorted() {
            let pairs = features.pairs(comment: row)
            for column in 0..<measures {
                let outcome: Bool
                if positives[row]?.contains(column) == true {
                    outcome = true
                } else if negatives[row]?.contains(column) == true {
                    outcome = false
                } else {
                    continue
                }
                samples.append(pairs[column])
                labels.append(outcome)
            }
        }
        let right = labels.filter { $0 }.count
        guard min(right, labels.count - right) >= settings.reviewMinimumEach else { return confidenceModel }
        var model = confidenceModel
        model.weights = ConfidenceModel.fit(
            samples: samples, labels: labels, prior: confidenceModel.weights, precision: settings.reviewPrecision)
        model.pairs += samples.count
        return model
    }

    /// BM25 scores and distinct matched terms per comment and measure.
    static func score(bags: [TermBag], queries: [MeasureQuery], index: BM25Index, threads: Int) -> (ScoreMatrix, ScoreMatrix) {
        let measures = queries.count
        let pairs = ParallelMap.map(count: bags.count, threads: threads) { range in
            var chunk: [(score: Double, matched: Double)] = []
            chunk.reserveCapacity(range.count * measures)
            for row in range {
                for query in queries {
                    let contributions = index.contributions(ofSorted: query.sortedWeights, in: bags[row])
                    chunk.append((index.score(contributions), Double(contributions.count)))
                }
            }
            return chunk
        }
        return (
            ScoreMatrix(rows: bags.count, columns: measures, values: pairs.map(\.score)),
            ScoreMatrix(rows: bags.count, columns: measures, values: pairs.map(\.matched))
        )
    }

    private func decide(
        confidences: [Double], scores: [Double], review: ReviewedLabels?, queries: [MeasureQuery], index: BM25Index,
        bag: TermBag, baseQueries: [MeasureQuery]
    ) -> CommentAssessment {
        let accepted = review?.accepted ?? []
        // Only measures with evidence (a positive score: at least one matched term) can be listed;
        // a reviewer's accept needs none. Framework order breaks ties.
        let ranked = queries.indices.filter {
            review?.isRejected(queries[$0].measureID) != true && (scores[$0] > 0 || accepted.contains(queries[$0].measureID))
        }.sorted { lhs, rhs in
            confidences[lhs] != confidences[rhs] ? confidences[lhs] > confidences[rhs] : lhs < rhs
        }
        let best = ranked.first.map { confidences[$0] } ?? 0
        func assignment(_ column: Int, confidence: Double, source: AssignmentSource) -> MeasureAssignment {
            MeasureAssignment(
                measureID: queries[column].measureID, goalID: queries[column].goalID, score: scores[column],
                confidence: confidence, evidence: evidence(column, queries: queries, baseQueries: baseQueries, index: index, bag: bag),
                source: source)
        }
        let pinned = ranked.filter { accepted.contains(queries[$0].measureID) }
        if !pinned.isEmpty {
            let modelled = ranked.filter { !accepted.contains(queries[$0].measureID) && confidences[$0] >= settings.assignAt }
            return CommentAssessment(
                status: .assigned,
                assignments: pinned.map { assignment($0, confidence: 1, source: .review) }
                    + modelled.map { assignment($0, confidence: confidences[$0], source: .model) }, bestConfidence: best)
        }
        guard let first = ranked.first, confidences[first] >= settings.reviewFloor else {
            return CommentAssessment(status: .unassigned, assignments: [], bestConfidence: best)
        }
        let top = confidences[first]
        if top >= settings.assignAt {
            let chosen = ranked.filter { confidences[$0] >= settings.assignAt }
            let runnerUp = ranked.first { confidences[$0] < settings.assignAt }.map { confidences[$0] } ?? 0
            let coinToss = chosen.count == 1 && top < settings.assignAt + settings.closeMargin
                && top - runnerUp <= settings.tieMargin
            let listed = coinToss ? ranked.filter { confidences[$0] >= top - settings.tieMargin } : chosen
            return CommentAssessment(
                status: coinToss ? .uncertain : .assigned,
                assignments: listed.map { assignment($0, confidence: confidences[$0], source: .model) }, bestConfidence: best)
        }
        let listed = ranked.filter { confidences[$0] >= settings.reviewFloor }
        return CommentAssessment(
            status: .uncertain, assignments: listed.map { assignment($0, confidence: confidences[$0], source: .model) },
            bestConfidence: best)
    }

    private func evidence(
        _ column: Int, queries: [MeasureQuery], baseQueries: [MeasureQuery], index: BM25Index, bag: TermBag
    ) -> [Evidence] {
        let query = queries[column]
        let ownTerms = baseQueries[column].weights
        return index.contributions(ofSorted: query.sortedWeights, in: bag)
            .sorted { lhs, rhs in lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.term < rhs.term }
            .prefix(settings.evidenceLimit)
            .map { term, weight in
                let fromMeasure = ownTerms[term] != nil
                return Evidence(
                    term: bag.display(of: term) ?? term,
                    measureTerm: fromMeasure ? (query.display[term] ?? term) : (bag.display(of: term) ?? term),
                    weight: weight, origin: fromMeasure ? .measure : .expansion)
            }
    }
}
