import Foundation

/// Turns the evidence for a (comment, measure) pair into the probability that the pair is right:
/// logistic regression on ``PairFeatures`` (Platt 1999 scaling, with more than one input),
/// fitted on labelled consultations.
///
/// `confidence = 1 / (1 + exp(−w·x))`. Fitting maximises the log-likelihood of the labelled
/// pairs minus `precision/2 · |w − prior|²` by Newton's method (iteratively reweighted least
/// squares): from scratch the prior is 0 (ridge regression), and for reviewed labels it is the
/// shipped model, so a few hundred decisions move it only as far as they agree with each other.
public struct ConfidenceModel: Sendable, Equatable, Codable {
    /// ``PairFeatures/names``, in order; a file with other names is refused when loaded.
    public var features: [String]
    public var weights: [Double]
    /// What the weights were fitted on, for the report: one entry per labelled corpus
    /// (``fittedOnEntry(corpus:comments:)``).
    public var fittedOn: [String]
    /// Labelled pairs used.
    public var pairs: Int
    /// How far a measure's count of assigned comments was from its true count on labelled
    /// consultations the weights were not fitted on, as a function of the consultation's
    /// agreement rate (``CountSpread``, for ``ModelCountEstimator``); nil in a model fitted
    /// without it.
    public var countSpread: CountSpread?
    /// The interval factors of models fitted before ``countSpread``: the 2.5 % and 97.5 %
    /// quantiles of `(true + 1) / (counted + 1)`, the same for every consultation. Read, never
    /// written by this version; ``countSpread`` comes first.
    public var countFactors: [Double]?
    /// The median of `|counted − true| / true` over the same measures, for the report's line on
    /// how far the counts can be trusted.
    public var countMedianError: Double?

    public init(
        features: [String] = PairFeatures.names, weights: [Double], fittedOn: [String], pairs: Int,
        countSpread: CountSpread? = nil, countMedianError: Double? = nil
    ) {
        self.countMedianError = countMedianError
        self.countSpread = countSpread
        precondition(features.count == weights.count, "one weight per feature")
        self.features = features
        self.weights = weights
        self.fittedOn = fittedOn
        self.pairs = pairs
    }

    /// The factors of ``ModelCountEstimator`` for a consultation with `agreementRate` (nil when
    /// it has none, ``PairFeatures/measuredAgreementRate``): from ``countSpread``, else the fixed
    /// ``countFactors`` of an older model, else none.
    public func intervalFactors(agreementRate: Double?) -> [Double] {
        countSpread?.factors(agreementRate: agreementRate) ?? countFactors ?? []
    }

    /// A ``fittedOn`` entry: `<corpus id> (<n> comments)`.
    public static func fittedOnEntry(corpus id: String, comments: Int) -> String {
        "\(id) (\(comments) comments)"
    }

    /// The corpus id of each ``fittedOn`` entry (``fittedOnEntry(corpus:comments:)``).
    public static func corpusIDs(_ fittedOn: [String]) -> [String] {
        fittedOn.map { $0.components(separatedBy: " (")[0] }
    }

    public func probability(_ x: ArraySlice<Double>) -> Double {
        1 / (1 + exp(-logit(x)))
    }

    /// `w·x`, the log-odds that the pair is right.
    public func logit(_ x: ArraySlice<Double>) -> Double {
        var z = 0.0
        for (weight, value) in zip(weights, x) { z += weight * value }
        return z
    }

    /// Fits weights to `samples` (feature rows) and their `labels`.
    /// - Parameters:
    ///   - weights: per sample its weight in the log-likelihood (1 each when nil); fitting on several
    ///     corpora gives each corpus the same total weight, so the largest does not decide alone.
    ///   - prior: the weights to shrink towards (zeros when nil).
    ///   - precision: the strength of that shrinkage; 1 is mild ridge regression.
    public static func fit(
        samples: [[Double]], labels: [Bool], weights sampleWeights: [Double]? = nil, prior: [Double]? = nil,
        precision: Double = 1, iterations: Int = 50
    ) -> [Double] {
        precondition(samples.count == labels.count, "one label per sample")
        precondition(sampleWeights == nil || sampleWeights?.count == samples.count, "one weight per sample")
        let width = samples.first?.count ?? prior?.count ?? PairFeatures.names.count
        precondition(
            samples.allSatisfy { $0.count == width } && (prior?.count ?? width) == width,
            "every sample and the prior need \(width) values")
        let center = prior ?? [Double](repeating: 0, count: width)
        var weights = center
        for _ in 0..<iterations {
            var gradient = (0..<width).map { -precision * (weights[$0] - center[$0]) }
            var hessian = [Double](repeating: 0, count: width * width)
            for index in 0..<width { hessian[index * width + index] = precision }
            for (index, (x, label)) in zip(samples, labels).enumerated() {
                var z = 0.0
                for k in 0..<width { z += weights[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let weight = sampleWeights?[index] ?? 1
                let residual = weight * ((label ? 1 : 0) - p)
                let curvature = weight * max(p * (1 - p), 1e-12)
                for i in 0..<width {
                    gradient[i] += residual * x[i]
                    for j in 0..<width { hessian[i * width + j] += curvature * x[i] * x[j] }
                }
            }
            guard let step = solve(hessian, gradient, size: width) else { break }
            var largest = 0.0
            for k in 0..<width {
                weights[k] += step[k]
                largest = max(largest, abs(step[k]))
            }
            if largest < 1e-9 { break }
        }
        return weights
    }

    /// Solves `A x = b` by Gaussian elimination with partial pivoting; nil when `A` is singular.
    static func solve(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double]? {
        var a = matrix
        var b = vector
        for column in 0..<size {
            var pivot = column
            for row in column..<size where abs(a[row * size + column]) > abs(a[pivot * size + column]) { pivot = row }
            guard abs(a[pivot * size + column]) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<size { a.swapAt(column * size + k, pivot * size + k) }
                b.swapAt(column, pivot)
            }
            for row in (column + 1)..<size {
                let factor = a[row * size + column] / a[column * size + column]
                guard factor != 0 else { continue }
                for k in column..<size { a[row * size + k] -= factor * a[column * size + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<size { sum -= a[row * size + k] * x[k] }
            x[row] = sum / a[row * size + row]
        }
        return x
    }
}
