import Foundation

/// What the confidence of a (comment, measure) pair is computed from. Every feature is free of
/// the corpus's scale (BM25 scores are divided by the corpus median), so a model fitted on one
/// consultation carries over to another.
///
/// - `bias`: 1;
/// - `log_score`: `ln(1 + s/m)`, s the pair's BM25 score, m the median of the comments' best scores;
/// - `relative_score`: `s / s_best` over all measures of the comment (0 when nothing matched);
/// - `bm25_top`: 1 when the measure has the comment's best BM25 score;
/// - `nb_gap`: `(L(c) − L_best) / n`, the Naive Bayes log-likelihood behind the best measure's,
///   per term of the comment, floored at −5;
/// - `nb_top`: 1 when the measure is the Naive Bayes favourite;
/// - `matched_terms`: `ln(1 + distinct matched terms)`;
/// - `in_goal`: 1 when the comment was posted under the measure's goal or under no goal;
/// - `outside_goal_lead`: for a measure outside the posted goal, `1 − s_goal / s` (at least 0),
///   with `s_goal` the best score among the posted goal's measures: near 1 when the comment
///   plainly fits this measure and nothing of its own goal; 0 for every other pair.
///
/// The features are computed row by row when asked for, from the score matrices: holding all of
/// them would take `comments × measures × 9` numbers (1.3 GB for a million comments and 18
/// measures).
public struct PairFeatures: Sendable, Equatable {
    public static let names = [
        "bias", "log_score", "relative_score", "bm25_top", "nb_gap", "nb_top", "matched_terms", "in_goal",
        "outside_goal_lead",
    ]

    let scores: ScoreMatrix
    let matched: ScoreMatrix
    let likelihood: ScoreMatrix?
    let lengths: [Int]
    /// Per comment the goal it was posted under; per measure its goal.
    let commentGoals: [String?]
    let measureGoals: [String]
    /// The median of the comments' best positive scores (1 when none is positive).
    let median: Double

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
        let bests = (0..<scores.rows).compactMap { row in
            scores.best(row: row, among: 0..<scores.columns).map { scores[row, $0] }
        }.filter { $0 > 0 }.sorted()
        median = bests.isEmpty ? 1 : bests[bests.count / 2]
    }

    public var measures: Int { scores.columns }

    /// Whether the comment was posted under the measure's goal, or under none.
    func inGoal(_ row: Int, _ column: Int) -> Bool {
        commentGoals[row] == nil || commentGoals[row] == measureGoals[column]
    }

    /// The features of every measure for comment `row`: measure after measure, ``names`` each.
    public func row(_ row: Int) -> [Double] {
        let width = Self.names.count
        let measures = scores.columns
        let bm25Best = scores.best(row: row, among: 0..<measures)
        let bestScore = bm25Best.map { scores[row, $0] } ?? 0
        let nbBest = likelihood.flatMap { $0.best(row: row, among: 0..<measures) }
        let ownGoal = (0..<measures).filter { inGoal(row, $0) }
        let ownGoalBest = scores.best(row: row, among: ownGoal).map { scores[row, $0] } ?? 0
        var values = [Double](repeating: 0, count: measures * width)
        for column in 0..<measures {
            let base = column * width
            let score = scores[row, column]
            values[base] = 1
            values[base + 1] = log(1 + score / median)
            values[base + 2] = bestScore > 0 ? score / bestScore : 0
            values[base + 3] = bestScore > 0 && bm25Best == column ? 1 : 0
            if let likelihood, let nbBest {
                let gap = (likelihood[row, column] - likelihood[row, nbBest]) / Double(max(lengths[row], 1))
                values[base + 4] = max(gap, -5)
                values[base + 5] = nbBest == column && lengths[row] > 0 ? 1 : 0
            }
            values[base + 6] = log(1 + matched[row, column])
            let inside = inGoal(row, column)
            values[base + 7] = inside ? 1 : 0
            values[base + 8] = !inside && score > 0 ? max(0, 1 - ownGoalBest / score) : 0
        }
        return values
    }

    /// The features of each of comment `row`'s pairs, measure by measure: one ``row(_:)``, split.
    public func pairs(comment row: Int) -> [[Double]] {
        let width = Self.names.count
        let values = self.row(row)
        return (0..<measures).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// The features of one pair.
    public func pair(comment: Int, measure: Int) -> [Double] {
        pairs(comment: comment)[measure]
    }
}
