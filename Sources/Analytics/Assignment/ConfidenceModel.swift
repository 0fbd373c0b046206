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
    /// What the weights were fitted on, for the report.
    public var fittedOn: [String]
    /// Labelled pairs used.
    public var pairs: Int

    public init(features: [String] = PairFeatures.names, weights: [Double], fittedOn: [String], pairs: Int) {
        precondition(features.count == weights.count, "one weight per feature")
        self.features = features
        self.weights = weights
        self.fittedOn = fittedOn
        self.pairs = pairs
    }

    public func probability(_ x: ArraySlice<Double>) -> Double {
        var z = 0.0
        for (weight, value) in zip(weights, x) { z += weight * value }
        return 1 / (1 + exp(-z))
    }

    /// Fits weights to `samples` (feature rows) and their `labels`.
    /// - Parameters:
    ///   - prior: the weights to shrink towards (zeros when nil).
    ///   - precision: the strength of that shrinkage; 1 is mild ridge regression.
    public static func fit(
        samples: [[Double]], labels: [Bool], prior: [Double]? = nil, precision: Double = 1, iterations: Int = 50
    ) -> [Double] {
        precondition(samples.count == labels.count, "one label per sample")
        let width = samples.first?.count ?? prior?.count ?? PairFeatures.names.count
        precondition(samples.allSatisfy { $0.count == width } && (prior?.count ?? width) == width, "every sample and the prior need \(width) values")
        let center = prior ?? [Double](repeating: 0, count: width)
        var weights = center
        for _ in 0..<iterations {
            var gradient = (0..<width).map { -precision * (weights[$0] - center[$0]) }
            var hessian = [Double](repeating: 0, count: width * width)
            for index in 0..<width { hessian[index * width + index] = precision }
            for (x, label) in zip(samples, labels) {
                var z = 0.0
                for k in 0..<width { z += weights[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let residual = (label ? 1 : 0) - p
                let curvature = max(p * (1 - p), 1e-12)
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
