import Analytics
import Foundation
import Testing

/// Tests the confidence model's fitting and the calibration and agreement measures on cases
/// whose answers are known.
struct CalibrationTests {
    /// Samples drawn from a known logistic model, deterministically (a fixed LCG).
    static func samples(weights: [Double], count: Int) -> (x: [[Double]], y: [Bool]) {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x: [[Double]] = []
        var y: [Bool] = []
        for _ in 0..<count {
            let row = [1.0] + (1..<weights.count).map { _ in uniform() * 4 - 2 }
            let z = zip(weights, row).reduce(0) { $0 + $1.0 * $1.1 }
            x.append(row)
            y.append(uniform() < 1 / (1 + exp(-z)))
        }
        return (x, y)
    }

    @Test func fittingRecoversTheWeightsOfAKnownModel() {
        let truth = [-0.5, 1.5, -2.0]
        let (x, y) = Self.samples(weights: truth, count: 20_000)
        let fitted = ConfidenceModel.fit(samples: x, labels: y, precision: 0.01)
        for (estimate, expected) in zip(fitted, truth) {
            #expect(abs(estimate - expected) < 0.1, "\(fitted) should be near \(truth)")
        }
    }

    @Test func aStrongPriorHoldsTheWeightsAndNoDataLeavesThem() {
        let prior = [0.3, -0.7, 1.1]
        #expect(ConfidenceModel.fit(samples: [], labels: [], prior: prior, precision: 10) == prior)
        let (x, y) = Self.samples(weights: [2, 2, 2], count: 50)
        let held = ConfidenceModel.fit(samples: x, labels: y, prior: prior, precision: 1e6)
        let free = ConfidenceModel.fit(samples: x, labels: y, prior: prior, precision: 0.01)
        let distance = { (w: [Double]) in zip(w, prior).reduce(0) { $0 + abs($1.0 - $1.1) } }
        #expect(distance(held) < 0.01)
        #expect(distance(free) > 1)
    }

    @Test func probabilityIsTheLogisticOfTheWeightedSum() {
        let model = ConfidenceModel(
            features: ["a", "b"], weights: [1, -2], fittedOn: [], pairs: 0)
        #expect(abs(model.probability([0.5, 0.25][...]) - 0.5) < 1e-12)
        #expect(abs(model.probability([2, 0][...]) - 1 / (1 + exp(-2))) < 1e-12)
    }

    @Test func cohensKappaOnTextbookCases() {
        // Agreement 7 of 10, chance agreement 0.5 · 0.6 + 0.5 · 0.4 = 0.5: κ = 0.4.
        let first = Array(repeating: true, count: 5) + Array(repeating: false, count: 5)
        let second = [true, true, true, true, false, true, true, false, false, false] as [Bool]
        #expect(abs(CohenKappa.kappa(first, second) - (0.7 - 0.5) / 0.5) < 1e-12)
        #expect(CohenKappa.kappa(["a", "b", "c"], ["a", "b", "c"]) == 1)
        #expect(CohenKappa.kappa([true, true], [true, true]) == 1)
        #expect(CohenKappa.kappa([true, false], [false, true]) < 0)
    }

}
