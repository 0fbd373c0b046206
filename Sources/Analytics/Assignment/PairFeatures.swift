import Foundation

/// What the confidence of a (comment, measure) pair is computed from: where the measure stands
/// among the comment's candidates, by BM25 and by Naive Bayes, and how far this consultation's
/// two rankings agree. Every feature is relative to the comment or to this corpus, none carries
/// the scale of the corpora the model was fitted on.
///
/// A comment's **candidates** are the measures of the goal it was posted under, or every measure
/// when it has none (a comment is counted under its own goal; ``MeasureAssigner`` reports where
/// another goal's measure fits better as a routing hint). Only candidates with evidence (a BM25
/// score above 0) get features; the others have probability 0.
///
/// With `s` the pair's BM25 score, `s₁ ≥ s₂` the comment's two best candidate scores, and `π` the
/// Naive Bayes posterior over the candidates (softmax of the log-likelihoods):
/// - `bias`: 1;
/// - `bm25_first`, `bm25_second`, `bm25_later`: 1 when the measure ranks first, second, or
///   further down among the candidates by BM25;
/// - `relative_score`: `s / s₁` for a measure that does not rank first, 0 for the first;
/// - `lead`: `1 − s₂ / s₁` for the first, 0 otherwise (how clearly it wins);
/// - `nb_posterior`: `π` of the measure;
/// - `nb_first`: 1 when the measure is the Naive Bayes favourite;
/// - `agree_first`: 1 when it is the favourite of both rankings;
/// - `matched_terms`: `ln(1 + distinct matched terms)`;
/// - `log_score`: `ln(1 + s/m)`, m the median of the comments' best positive scores.
///
/// ``agreementRate`` (the share of comments with evidence whose two favourites are the same
/// measure) is no feature but goes into the report: where the two rankings often disagree,
/// their favourites are less often right (after Platanios, Blum & Mitchell 2014, "Estimating
/// accuracy from unlabeled data"). As a feature it helped one held-out corpus and hurt another,
/// and made every confidence move with each review (docs/assignment.md).
///
/// The features are computed row by row when asked for: holding all of them would take
/// `comments × measures × 11` numbers.
public struct PairFeatures: Sendable, Equatable {
    public static let names = [
        "bias", "bm25_first", "bm25_second", "bm25_later", "relative_score", "lead", "nb_posterior", "nb_first",
        "agree_first", "matched_terms", "log_score",
    ]

    let scores: ScoreMatrix
    let matched: ScoreMatrix
    let likelihood: ScoreMatrix?
    let lengths: [Int]
    /// Per comment the goal it was posted under; per measure its goal.
    let commentGoals: [String?]
    let measureGoals: [String]
    /// The median of the comments' best positive candidate scores (1 when none is positive).
    let median: Double
    /// Share of the comments with evidence whose BM25 and Naive Bayes favourites coincide (0
    /// without self-training or without a comment with evidence).
    public let agreementRate: Double
    /// ``agreementRate`` where there is one to measure: nil without self-training (no second
    /// ranking) or without a comment with evidence.
    public let measuredAgreementRate: Double?

    init(
        scores: ScoreMatrix, matched: ScoreMatrix, likelihood: ScoreMatrix?, lengths: [Int], commentGoals: [String?],
        measureGoals: [String]
    ) {
        precondition(commentGoals.count == scores.rows && measureGoals.count == scores.columns, "one goal per row and column")
        self.scores = scores
        self.matched = matched
        self.likelihood = likelihood
        self.lengths = lengths
        self.commentGoals = commentGoals
        self.measureGoals = measureGoals
        var bests: [Double] = []
        var withEvidence = 0
        var agreeing = 0
        for row in 0..<scores.rows {
            let candidates = Self.candidates(row, commentGoals: commentGoals, measureGoals: measureGoals)
            guard let first = scores.best(row: row, among: candidates), scores[row, first] > 0 else { continue }
            bests.append(scores[row, first])
            withEvidence += 1
            if let likelihood, likelihood.best(row: row, among: candidates) == first { agreeing += 1 }
        }
        bests.sort()
        median = bests.isEmpty ? 1 : bests[bests.count / 2]
        agreementRate = withEvidence > 0 ? Double(agreeing) / Double(withEvidence) : 0
        measuredAgreementRate = likelihood != nil && withEvidence > 0 ? agreementRate : nil
    }

    public var measures: Int { scores.columns }

    /// The candidate measures of a comment: its goal's, or all when it has none.
    static func candidates(_ row: Int, commentGoals: [String?], measureGoals: [String]) -> [Int] {
        guard let goal = commentGoals[row] else { return Array(measureGoals.indices) }
        return measureGoals.indices.filter { measureGoals[$0] == goal }
    }

    /// The candidates of comment `row`.
    public func candidates(_ row: Int) -> [Int] {
        Self.candidates(row, commentGoals: commentGoals, measureGoals: measureGoals)
    }

    /// Whether the pair gets a probability: a candidate with evidence.
    public func isScored(_ row: Int, _ column: Int) -> Bool {
        scores[row, column] > 0 && (commentGoals[row] == nil || commentGoals[row] == measureGoals[column])
    }

    /// The features of every measure for comment `row`: measure after measure, ``names`` each
    /// (zeros for pairs that are not scored).
    public func row(_ row: Int) -> [Double] {
        let width = Self.names.count
        let measures = scores.columns
        var values = [Double](repeating: 0, count: measures * width)
        let candidates = self.candidates(row)
        let ranked = candidates.filter { scores[row, $0] > 0 }.sorted { lhs, rhs in
            scores[row, lhs] != scores[row, rhs] ? scores[row, lhs] > scores[row, rhs] : lhs < rhs
        }
        guard let first = ranked.first else { return values }
        let best = scores[row, first]
        let second = ranked.count > 1 ? scores[row, ranked[1]] : 0
        // Naive Bayes posterior over the candidates.
        var posterior = [Double](repeating: 0, count: measures)
        var nbFirst: Int?
        if let likelihood, lengths[row] > 0 {
            let top = candidates.map { likelihood[row, $0] }.max() ?? 0
            var total = 0.0
            for column in candidates { total += exp(likelihood[row, column] - top) }
            for column in candidates { posterior[column] = exp(likelihood[row, column] - top) / total }
            nbFirst = likelihood.best(row: row, among: candidates)
        }
        for (rank, column) in ranked.enumerated() {
            let base = column * width
            let score = scores[row, column]
            let isNBFirst = nbFirst == column
            values[base] = 1
            values[base + 1] = rank == 0 ? 1 : 0
            values[base + 2] = rank == 1 ? 1 : 0
            values[base + 3] = rank >= 2 ? 1 : 0
            values[base + 4] = rank == 0 ? 0 : score / best
            values[base + 5] = rank == 0 ? 1 - second / best : 0
            values[base + 6] = posterior[column]
            values[base + 7] = isNBFirst ? 1 : 0
            values[base + 8] = rank == 0 && isNBFirst ? 1 : 0
            values[base + 9] = log(1 + matched[row, column])
            values[base + 10] = log(1 + score / median)
        }
        return values
    }

    /// The features of each of comment `row`'s pairs, measure by measure: one ``row(_:)``, split.
    public func pairs(comment row: Int) -> [[Double]] {
        let width = Self.names.count
        let values = self.row(row)
        return (0..<measures).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// The raw signals of comment `row` per measure: BM25 score, distinct matched terms, Naive
    /// Bayes log-likelihood (0 without self-training), and the comment's length in terms.
    public func signals(_ row: Int) -> (scores: [Double], matched: [Double], likelihoods: [Double], length: Int) {
        let columns = 0..<scores.columns
        return (
            columns.map { scores[row, $0] }, columns.map { matched[row, $0] }, columns.map { likelihood?[row, $0] ?? 0 },
            lengths[row]
        )
    }

    /// The features of one pair.
    public func pair(comment: Int, measure: Int) -> [Double] {
        pairs(comment: comment)[measure]
    }
}
