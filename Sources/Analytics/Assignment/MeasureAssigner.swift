import Corpus
import Foundation

/// Assigns every comment to the measures its evidence supports, with a calibrated confidence.
///
/// Steps, over the whole corpus at once:
/// 1. BM25 score of every comment against every measure's query (``MeasureQuery``);
/// 2. ``QueryExpansion``: each query takes in terms of its best-matching and reviewed comments;
///    the scores are computed again;
/// 3. ``NaiveBayesEM``: a Naive Bayes model trained on the confident and reviewed comments;
/// 4. ``PairFeatures`` → ``ConfidenceModel``: the probability that the pair is right, for each of
///    the comment's candidates (its goal's measures, or all without a goal) that shares a term
///    with it; moved per measure by what the reviews of that measure say (``reviewOffsets``).
///
/// Decision rules per comment (`p₁ ≥ p₂ ≥ …` its candidates' confidences, reviewed decisions
/// applied first):
/// - a measure a reviewer accepted or assigned is assigned with confidence 1; one a reviewer
///   rejected is never listed; a comment with an accepted measure is `assigned` to its accepted
///   measures only (an accept must not bring the model's other suggestions with it);
/// - `assigned` when `p₁ ≥ assignAt`, to every measure with `p ≥ assignAt` (multi-label);
/// - `uncertain` when `reviewFloor ≤ p₁ < assignAt`: weak evidence, listed for review with the
///   candidates at or above `reviewFloor`, not counted;
/// - `unassigned` when `p₁ < reviewFloor`: the comment fits no measure.
/// A comment that shares no term with any candidate (`a`, `?`, an emoji) has no confidence at all:
/// it is `unassigned` with no candidates and lists nothing to review.
public struct MeasureAssigner: Sendable {
    public struct Settings: Sendable, Equatable, Codable {
        public var expansion: QueryExpansion?
        public var selfTraining: NaiveBayesEM?
        public var assignAt: Double
        public var reviewFloor: Double
        /// Evidence terms listed per assignment, strongest first.
        public var evidenceLimit: Int
        /// How firmly the review offsets are held at 0 (the prior precision of ``reviewOffsets``);
        /// 0 leaves the confidences as shipped.
        public var reviewPrecision: Double
        /// Query weight of a synonym of a measure's title or keyword noun (``MeasureQuery``); 0
        /// leaves synonyms out.
        public var synonymWeight: Double = 0.3

        public init(
            expansion: QueryExpansion? = QueryExpansion(), selfTraining: NaiveBayesEM? = NaiveBayesEM(),
            assignAt: Double = 0.5, reviewFloor: Double = 0.3,
            evidenceLimit: Int = 5, reviewPrecision: Double = 2
        ) {
            self.reviewPrecision = reviewPrecision
            self.expansion = expansion
            self.selfTraining = selfTraining
            self.assignAt = assignAt
            self.reviewFloor = reviewFloor
            self.evidenceLimit = evidenceLimit
        }
    }

    public let settings: Settings
    public let confidenceModel: ConfidenceModel

    /// - Throws: ``AnalyticsError/invalidSettings(_:)`` unless `0 < reviewFloor ≤ assignAt < 1`;
    ///   ``AnalyticsError/incompatibleModel(features:)`` when the model was fitted on other features.
    public init(settings: Settings = Settings(), confidenceModel: ConfidenceModel) throws(AnalyticsError) {
        guard settings.reviewFloor > 0, settings.reviewFloor <= settings.assignAt, settings.assignAt < 1 else {
            throw .invalidSettings(
                "the review floor (\(settings.reviewFloor)) must lie above 0 and at most the threshold (\(settings.assignAt)), "
                    + "which must lie below 1")
        }
        guard confidenceModel.features == PairFeatures.names else {
            throw .incompatibleModel(features: confidenceModel.features)
        }
        self.settings = settings
        self.confidenceModel = confidenceModel
    }

    /// Scores and decides every comment.
    /// - Parameters:
    ///   - bags: the comments' terms, as ids of `vocabulary` (the strings are read only for evidence).
    ///   - goals: the goal each comment was posted under.
    ///   - contributions: per comment, the index of the first comment of its campaign or duplicate
    ///     group (its own index when it has none); nil when every comment stands alone.
    ///   - reviews: reviewed decisions per comment index.
    public func assess(
        bags: [TermBag], vocabulary: TermVocabulary, goals: [String?], contributions: [Int]? = nil,
        queries baseQueries: [MeasureQuery], reviews: [Int: ReviewedLabels], threads: Int
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
            (scores, matched) = (ScoreMatrix(), ScoreMatrix())  // let go before scoring again
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
        let measures = queries.count
        let offsets = reviewOffsets(features: features, positives: positives, negatives: negatives)
        let model = confidenceModel
        let finalScores = scores
        let finalQueries = queries
        let assessments = ParallelMap.map(count: bags.count, threads: threads) { range in
            range.map { row in
                decide(
                    confidences: Self.probabilities(row, features: features, model: model, offsets: offsets),
                    scores: (0..<measures).map { finalScores[row, $0] }, review: reviews[row], queries: finalQueries,
                    index: index, bag: bags[row], baseQueries: baseQueries, vocabulary: vocabulary)
            }
        }
        return AssignmentRun(
            assessments: assessments, features: features, measureIDs: queries.map(\.measureID), index: index,
            confidenceModel: model, reviewOffsets: offsets,
            probabilities: { row in Self.probabilities(row, features: features, model: model, offsets: offsets) })
    }

    /// The model's confidence for each measure of comment `row`, its logit moved by the measure's
    /// review offset: 0 for pairs that are not scored.
    static func probabilities(_ row: Int, features: PairFeatures, model: ConfidenceModel, offsets: [Double]) -> [Double] {
        let width = PairFeatures.names.count
        let values = features.row(row)
        return (0..<features.measures).map { column in
            guard features.isScored(row, column) else { return 0 }
            return 1 / (1 + exp(-(model.logit(values[(column * width)..<((column + 1) * width)]) + offsets[column])))
        }
    }

    /// What the reviews teach the confidences: per measure an offset `δ_m` added to the logit of its
    /// pairs, fitted on the measure's reviewed pairs (accepted: right; rejected: wrong) by
    /// maximising `Σ log σ(±(z_i + δ_m)) − precision/2 · δ_m²` (Newton's method), `z_i` the shipped
    /// model's logit. Each measure learns on its own decisions only, so a rejection can only lower
    /// its measure's confidences and an accept only raise its own; a few decisions move an offset
    /// little (`reviewPrecision`; 0 leaves the confidences as shipped).
    func reviewOffsets(features: PairFeatures, positives: [Int: Set<Int>], negatives: [Int: Set<Int>]) -> [Double] {
        var offsets = [Double](repeating: 0, count: features.measures)
        guard settings.reviewPrecision > 0, !positives.isEmpty || !negatives.isEmpty else { return offsets }
        var logits = [[(z: Double, right: Bool)]](repeating: [], count: features.measures)
        let width = PairFeatures.names.count
        for row in Set(positives.keys).union(negatives.keys).sorted() {
            let values = features.row(row)
            for column in 0..<features.measures where features.isScored(row, column) {
                let right: Bool
                if positives[row]?.contains(column) == true {
                    right = true
                } else if negatives[row]?.contains(column) == true {
                    right = false
                } else {
                    continue
                }
                logits[column].append((confidenceModel.logit(values[(column * width)..<((column + 1) * width)]), right))
            }
        }
        for column in offsets.indices where !logits[column].isEmpty {
            var delta = 0.0
            for _ in 0..<50 {
                var gradient = -settings.reviewPrecision * delta
                var curvature = settings.reviewPrecision
                for (z, right) in logits[column] {
                    let p = 1 / (1 + exp(-(z + delta)))
                    gradient += (right ? 1 : 0) - p
                    curvature += p * (1 - p)
                }
                let step = gradient / curvature
                delta += step
                if abs(step) < 1e-10 { break }
            }
            offsets[column] = delta
        }
        return offsets
    }

    /// BM25 scores and distinct matched terms per comment and measure, each chunk of comments
    /// writing its rows of both in place (``ParallelMap/fill(_:count:width:threads:chunksPerThread:_:)``).
    static func score(bags: [TermBag], queries: [MeasureQuery], index: BM25Index, threads: Int) -> (ScoreMatrix, ScoreMatrix) {
        let measures = queries.count
        var scores = [Double](repeating: 0, count: bags.count * measures)
        var matched = [Double](repeating: 0, count: bags.count * measures)
        // Both from one pass: the first fill also writes `matched` through its own writer.
        matched.withUnsafeMutableBufferPointer { matchedBuffer in
            let matchedWriter = ParallelMap.RowWriter(buffer: matchedBuffer, width: measures)
            ParallelMap.fill(&scores, count: bags.count, width: measures, threads: threads) { range, scoreWriter in
                for row in range {
                    for (column, query) in queries.enumerated() {
                        let contributions = index.contributions(ofSorted: query.sortedWeights, in: bags[row])
                        scoreWriter.set(index.score(contributions), row: row, column: column)
                        matchedWriter.set(Double(contributions.count), row: row, column: column)
                    }
                }
            }
        }
        return (
            ScoreMatrix(rows: bags.count, columns: measures, values: scores),
            ScoreMatrix(rows: bags.count, columns: measures, values: matched)
        )
    }

    private func decide(
        confidences: [Double], scores: [Double], review: ReviewedLabels?, queries: [MeasureQuery], index: BM25Index,
        bag: TermBag, baseQueries: [MeasureQuery], vocabulary: TermVocabulary
    ) -> CommentAssessment {
        let accepted = review?.accepted ?? []
        // Only scored pairs (a candidate with evidence) can be listed; a reviewer's accept needs
        // neither. Framework order breaks ties.
        let ranked = queries.indices.filter {
            review?.isRejected(queries[$0].measureID) != true && (confidences[$0] > 0 || accepted.contains(queries[$0].measureID))
        }.sorted { lhs, rhs in
            confidences[lhs] != confidences[rhs] ? confidences[lhs] > confidences[rhs] : lhs < rhs
        }
        let best = ranked.first.map { confidences[$0] } ?? 0
        func assignment(_ column: Int, confidence: Double, source: AssignmentSource) -> MeasureAssignment {
            MeasureAssignment(
                measureID: queries[column].measureID, goalID: queries[column].goalID, score: scores[column],
                confidence: confidence,
                evidence: evidence(
                    column, queries: queries, baseQueries: baseQueries, index: index, bag: bag, vocabulary: vocabulary),
                source: source)
        }
        // A reviewer's accepts are the comment's assignments: the model adds none beside them.
        let pinned = ranked.filter { accepted.contains(queries[$0].measureID) }
        if !pinned.isEmpty {
            return CommentAssessment(
                status: .assigned, assignments: pinned.map { assignment($0, confidence: 1, source: .review) },
                bestConfidence: best)
        }
        guard let first = ranked.first, confidences[first] >= settings.reviewFloor else {
            return CommentAssessment(status: .unassigned, assignments: [], bestConfidence: best)
        }
        let threshold = confidences[first] >= settings.assignAt ? settings.assignAt : settings.reviewFloor
        let listed = ranked.filter { confidences[$0] >= threshold }
        return CommentAssessment(
            status: threshold == settings.assignAt ? .assigned : .uncertain,
            assignments: listed.map { assignment($0, confidence: confidences[$0], source: .model) }, bestConfidence: best)
    }

    private func evidence(
        _ column: Int, queries: [MeasureQuery], baseQueries: [MeasureQuery], index: BM25Index, bag: TermBag,
        vocabulary: TermVocabulary
    ) -> [Evidence] {
        let query = queries[column]
        let ownTerms = baseQueries[column].weights
        return index.contributions(ofSorted: query.sortedWeights, in: bag)
            .sorted { lhs, rhs in lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.term < rhs.term }
            .prefix(settings.evidenceLimit)
            .map { term, weight in
                let fromMeasure = ownTerms[term] != nil
                let spelled = bag.display(of: term) ?? vocabulary[term]
                return Evidence(
                    term: spelled, measureTerm: fromMeasure ? (query.display[term] ?? vocabulary[term]) : spelled,
                    weight: weight, origin: fromMeasure ? .measure : .expansion)
            }
    }
}
