import Foundation

/// Self-training with multinomial Naive Bayes and EM (Nigam, McCallum, Thrun & Mitchell 2000),
/// seeded by BM25 instead of labelled data (McCallum & Nigam 1999).
///
/// Rules:
/// - start: a reviewed comment has its reviewed measures, equally weighted, and keeps them (weight 1);
///   an unreviewed comment whose best BM25 score reaches `seedQuantile` of the best scores and
///   beats the runner-up by the factor `seedMargin` starts on its best measure (weight `unlabelledWeight`);
/// - M-step: `P(w|c) = (α + Σ_d λ_d N(w,d) P(c|d)) / (α|V| + Σ_w' Σ_d λ_d N(w',d) P(c|d))`,
///   `P(c) = (1 + Σ_d λ_d P(c|d)) / (|C| + Σ_d λ_d)`, with λ_d = 1 for reviewed comments and
///   `unlabelledWeight` otherwise;
/// - E-step for every unreviewed comment: `log P(c|d) ∝ log P(c) + Σ_w N(w,d) log P(w|c)`;
/// - `iterations` rounds. Sums run in comment order, so the model is the same for any thread count.
/// The result is the log-likelihood per comment and measure; a reviewed comment's own counts
/// are taken out of its classes' totals first (leave-one-out), so its score is an honest one.
public struct NaiveBayesEM: Sendable, Equatable, Codable {
    public var iterations: Int
    public var smoothing: Double
    public var unlabelledWeight: Double
    public var seedQuantile: Double
    public var seedMargin: Double

    public init(
        iterations: Int = 5, smoothing: Double = 0.03, unlabelledWeight: Double = 1, seedQuantile: Double = 0.5,
        seedMargin: Double = 1.25
    ) {
        self.iterations = iterations
        self.smoothing = smoothing
        self.unlabelledWeight = unlabelledWeight
        self.seedQuantile = seedQuantile
        self.seedMargin = seedMargin
    }

    /// Log-likelihood `log P(c) + Σ_w N(w,d) log P(w|c)` per comment (row) and measure (column).
    public func logLikelihoods(
        matrix: TermMatrix, scores: ScoreMatrix, candidates: [[Int]], positives: [Int: Set<Int>], threads: Int
    ) -> ScoreMatrix {
        let classes = scores.columns
        let documents = matrix.rows.count
        // Responsibilities P(c|d) and weights λ_d.
        var responsibility = [Double](repeating: 0, count: documents * classes)
        var weight = [Double](repeating: 0, count: documents)
        let bests = (0..<documents).compactMap { row in
            scores.best(row: row, among: candidates[row]).map { scores[row, $0] }
        }.filter { $0 > 0 }.sorted()
        let seedScore = bests.isEmpty ? Double.infinity : bests[min(bests.count - 1, Int(Double(bests.count) * seedQuantile))]
        for row in 0..<documents {
            if let labels = positives[row], !labels.isEmpty {
                for label in labels { responsibility[row * classes + label] = 1 / Double(labels.count) }
                weight[row] = 1
                continue
            }
            let ranked = candidates[row].sorted {
                scores[row, $0] != scores[row, $1] ? scores[row, $0] > scores[row, $1] : $0 < $1
            }
            guard let first = ranked.first, scores[row, first] >= seedScore else { continue }
            let runnerUp = ranked.count > 1 ? scores[row, ranked[1]] : 0
            guard scores[row, first] >= seedMargin * runnerUp else { continue }
            responsibility[row * classes + first] = 1
            weight[row] = unlabelledWeight
        }
        var model = mStep(matrix: matrix, responsibility: responsibility, weight: weight, classes: classes)
        for _ in 0..<iterations {
            let likelihood = eStep(matrix: matrix, model: model, threads: threads)
            for row in 0..<documents where positives[row]?.isEmpty != false {
                let allowed = candidates[row]
                guard !allowed.isEmpty, !matrix.rows[row].isEmpty else { continue }
                let top = allowed.map { likelihood[row, $0] }.max() ?? 0
                var total = 0.0
                for column in allowed { total += exp(likelihood[row, column] - top) }
                for column in 0..<classes { responsibility[row * classes + column] = 0 }
                for column in allowed { responsibility[row * classes + column] = exp(likelihood[row, column] - top) / total }
                weight[row] = unlabelledWeight
            }
            model = mStep(matrix: matrix, responsibility: responsibility, weight: weight, classes: classes)
        }
        var likelihood = eStep(matrix: matrix, model: model, threads: threads)
        // Leave-one-out for reviewed comments: their own words must not vouch for their labels.
        for row in positives.keys.sorted() where positives[row]?.isEmpty == false {
            for column in 0..<classes {
                likelihood[row, column] = leaveOneOut(
                    row: row, column: column, matrix: matrix, model: model,
                    share: weight[row] * responsibility[row * classes + column])
            }
        }
        return likelihood
    }

    /// Class priors and word counts of one M-step.
    struct Model: Sendable {
        var classes: Int
        var vocabulary: Int
        var logPrior: [Double]
        /// Per class and term, the weighted count; `totals` per class.
        var counts: [Double]
        var totals: [Double]
        var smoothing: Double

        func logWordProbability(_ term: Int, _ column: Int, minus removed: Double = 0, removedTotal: Double = 0) -> Double {
            log(
                (smoothing + counts[column * vocabulary + term] - removed)
                    / (smoothing * Double(vocabulary) + totals[column] - removedTotal))
        }
    }

    func mStep(matrix: TermMatrix, responsibility: [Double], weight: [Double], classes: Int) -> Model {
        let vocabulary = matrix.vocabularySize
        var counts = [Double](repeating: 0, count: classes * vocabulary)
        var totals = [Double](repeating: 0, count: classes)
        var mass = [Double](repeating: 0, count: classes)
        var weightSum = 0.0
        for (row, terms) in matrix.rows.enumerated() where weight[row] > 0 {
            weightSum += weight[row]
            for column in 0..<classes {
                let share = weight[row] * responsibility[row * classes + column]
                guard share > 0 else { continue }
                mass[column] += share
                for entry in terms {
                    counts[column * vocabulary + entry.term] += share * Double(entry.count)
                    totals[column] += share * Double(entry.count)
                }
            }
        }
        let logPrior = mass.map { log((1 + $0) / (Double(classes) + weightSum)) }
        return Model(
            classes: classes, vocabulary: vocabulary, logPrior: logPrior, counts: counts, totals: totals,
            smoothing: smoothing)
    }

    func eStep(matrix: TermMatrix, model: Model, threads: Int) -> ScoreMatrix {
        let classes = model.classes
        let vocabulary = model.vocabulary
        // log P(w|c) of every class and term, once per model (the same values, looked up): the
        // E-step reads one for every word of every comment, and each term recurs in many.
        let logProbability = ParallelMap.map(count: classes * vocabulary, threads: threads) { range in
            range.map { model.logWordProbability($0 % vocabulary, $0 / vocabulary) }
        }
        var values = [Double](repeating: 0, count: matrix.rows.count * classes)
        ParallelMap.fill(&values, count: matrix.rows.count, width: classes, threads: threads) { range, writer in
            for row in range {
                for column in 0..<classes {
                    var sum = model.logPrior[column]
                    for entry in matrix.rows[row] {
                        sum += Double(entry.count) * logProbability[column * vocabulary + entry.term]
                    }
                    writer.set(sum, row: row, column: column)
                }
            }
        }
        return ScoreMatrix(rows: matrix.rows.count, columns: classes, values: values)
    }

    private func leaveOneOut(row: Int, column: Int, matrix: TermMatrix, model: Model, share: Double) -> Double {
        let length = Double(matrix.lengths[row])
        var sum = model.logPrior[column]
        for entry in matrix.rows[row] {
            let count = Double(entry.count)
            sum += count * model.logWordProbability(entry.term, column, minus: share * count, removedTotal: share * length)
        }
        return sum
    }
}
