import Foundation
import Testing

@testable import Analytics

/// Tests the count estimates: the audit sample, the design-based estimator and the model interval.
struct EstimationTests {
    @Test func anAuditSampleIsSeededStratifiedAndProportional() {
        let strata = (0..<100).map { $0 < 60 ? "a" : $0 < 90 ? "b" : $0 < 99 ? "c" : "" }
        let first = AuditSampler.draw(strata: strata, size: 20, seed: 7)
        #expect(first.draws == AuditSampler.draw(strata: strata, size: 20, seed: 7).draws)
        #expect(first.draws != AuditSampler.draw(strata: strata, size: 20, seed: 8).draws)
        #expect(first.draws.count == 20)
        #expect(Set(first.draws.map(\.index)).count == 20)
        #expect(first.sizes == ["a": 60, "b": 30, "c": 9, "": 1])
        let perStratum = Dictionary(grouping: first.draws, by: \.stratum).mapValues(\.count)
        // Each stratum at least min(2, N); the rest in proportion: a ≈ 2 + 58/95 · 13, …
        #expect(perStratum[""] == 1)
        #expect((perStratum["c"] ?? 0) >= 2)
        #expect((perStratum["a"] ?? 0) > (perStratum["b"] ?? 0))
        for draw in first.draws { #expect(strata[draw.index] == draw.stratum) }
    }

    @Test func aSampleLargerThanTheCorpusTakesEveryComment() {
        let result = AuditSampler.draw(strata: ["x", "y", "y"], size: 10, seed: 1)
        #expect(Set(result.draws.map(\.index)) == [0, 1, 2])
    }

    /// A census (every comment reviewed) gives the true count with no variance; a model that is
    /// right on the sample leaves its total unchanged.
    @Test func theDifferenceEstimatorCorrectsTheModelByTheSample() {
        let census = AuditEstimator.estimate(
            frameTotals: [1.5],
            strata: [AuditEstimator.Stratum(size: 3, confidences: [[0.5], [0.5], [0.5]], decisions: [[true], [true], [false]])])
        #expect(abs(census.values[0] - 2) < 1e-9)
        #expect(census.variances[0] == 0)
        // Stratum of 10 with the model saying 0.2 each (total 2); half of a sample of 4 has the measure.
        let sampled = AuditEstimator.estimate(
            frameTotals: [2],
            strata: [
                AuditEstimator.Stratum(
                    size: 10, confidences: [[0.2], [0.2], [0.2], [0.2]], decisions: [[true], [false], [true], [false]])
            ])
        #expect(abs(sampled.values[0] - 5) < 1e-9)  // 2 + 10 · (0.5 − 0.2)
        #expect(sampled.variances[0] > 0)
        #expect(sampled.reviewed == 4)
        let unaudited = AuditEstimator.estimate(
            frameTotals: [2], strata: [AuditEstimator.Stratum(size: 10, confidences: [], decisions: [])])
        #expect(unaudited.values == [2])
        #expect(unaudited.unauditedStrata == 1)
    }

    /// Errors that agree with each other still leave a variance: the Agresti–Coull floor.
    @Test func aStratumWhoseFewReviewsAllAgreeIsNotTakenAsExact() {
        let result = AuditEstimator.estimate(
            frameTotals: [0],
            strata: [AuditEstimator.Stratum(size: 100, confidences: [[0], [0], [0]], decisions: [[false], [false], [false]])])
        #expect(result.values[0] == 0)
        #expect(result.variances[0] > 1)
    }

    @Test func theModelIntervalWidensTheCountByTheFactorsAndStaysPossible() {
        let estimate = ModelCountEstimator.estimate(counted: 9, factors: [0.5, 3], known: 2, possible: 25)
        #expect(estimate.value == 9)
        #expect(estimate.lower == 4)  // (9 + 1) · 0.5 − 1
        #expect(estimate.upper == 25)  // (9 + 1) · 3 − 1 = 29, at most 25 comments can have it
        #expect(estimate.basis == .model)
        let known = ModelCountEstimator.estimate(counted: 0, factors: [0.1, 2], known: 3, possible: 10)
        #expect(known.lower == 3 && known.value == 3)
        #expect(ModelCountEstimator.estimate(counted: 4, factors: [], known: 0, possible: 10).upper == 4)
    }

    @Test func theSpreadIsSymmetricAndWidensAsTheRankingsDisagree() {
        let spread = CountSpread(quantile: 2, floor: 0.1, lowestAgreement: 0.5)
        let factors = spread.factors(agreementRate: 0.6)  // h = 2 · (1 − 0.6 + 0.1) = 1
        #expect(abs(factors[0] - exp(-1)) < 1e-12 && abs(factors[1] - exp(1)) < 1e-12)
        #expect(spread.factors(agreementRate: 0.9)[1] < factors[1])
        #expect(spread.factors(agreementRate: 1.7) == spread.factors(agreementRate: 1))
        // A run without a second ranking gets the range of the least agreement fitted on.
        #expect(spread.factors(agreementRate: nil) == spread.factors(agreementRate: 0.5))
    }

    @Test func theSpreadIsTheQuantileOfTheScaledLogRatios() throws {
        // One corpus: nothing to hold out, the first floor; |ln r| / (1 − 0.5 + 0.05) for r = e^0.55 · …
        let ratios = (1...21).map { exp(0.55 * Double($0) / 21) }
        let spread = try #require(CountSpread.fit([CountSpread.Corpus(ratios: ratios, agreementRate: 0.5)]))
        #expect(spread.floor == CountSpread.floors[0])
        #expect(abs(spread.quantile - 20 / 21) < 1e-9)  // the 95 % quantile of k/21, k = 1…21
        #expect(spread.lowestAgreement == 0.5)
        #expect(CountSpread.fit([CountSpread.Corpus(ratios: [2], agreementRate: 0.5)]) == nil)
        // An overcount and an undercount of the same size lie equally far out.
        let both = try #require(
            CountSpread.fit([
                CountSpread.Corpus(ratios: [4, 0.25, 1], agreementRate: 0.7),
                CountSpread.Corpus(ratios: [0.25, 4, 1], agreementRate: 0.7),
            ]))
        let factors = both.factors(agreementRate: 0.7)
        #expect(abs(factors[0] * factors[1] - 1) < 1e-12)
        #expect(factors[1] >= 4 - 1e-9)
    }

    @Test func theFloorIsChosenByLeavingOneCorpusOut() throws {
        // Errors proportional to disagreement: a small floor scales them best.
        func corpus(_ size: Double, _ agreement: Double) -> CountSpread.Corpus {
            CountSpread.Corpus(ratios: [1, 0.5, 0.8, 0.2, 0.6].map { exp(size * $0) }, agreementRate: agreement)
        }
        let following = try #require(CountSpread.fit([corpus(0.3, 0.9), corpus(1.5, 0.5), corpus(0.9, 0.7)]))
        #expect(following.floor <= 0.1)
        // Errors of the same size whatever the agreement: a large floor keeps the interval from
        // shrinking where the rankings agree.
        let flat = try #require(CountSpread.fit([corpus(1, 0.9), corpus(1, 0.5), corpus(1, 0.7)]))
        #expect(flat.floor == CountSpread.floors.last)
        let held = flat.factors(agreementRate: 0.9)
        #expect(held[1] >= exp(1) * 0.8)
        // Where some floors hold every held-out corpus's measures, the narrowest of those is kept,
        // not a narrower floor that misses (0.1: coverage 0.75, mean h 1.333; 0.2: 1.0, 1.375;
        // 0.3: 1.0, 1.400).
        let reaching = try #require(
            CountSpread.fit([
                CountSpread.Corpus(ratios: [1.2214, 4.4817, 4.4817, 4.4817], agreementRate: 0.8),
                CountSpread.Corpus(ratios: [1.3499, 2.7183, 2.7183, 2.7183], agreementRate: 0.9),
                CountSpread.Corpus(ratios: [1.6487, 2.0138, 2.7183, 4.4817, 4.4817, 4.4817], agreementRate: 0.8),
            ]))
        #expect(reaching.floor == 0.2)
    }

    @Test func aCoverageOfNinetyFivePercentReachesTheLevelDespiteRounding() {
        // Three corpora that each hold 19 of 20 measures: (0.95 + 0.95 + 0.95) / 3 = 0.9499999999999998.
        let rounded = (0.95 + 0.95 + 0.95) / 3
        #expect(rounded < CountSpread.level)
        #expect(CountSpread.isBetter((floor: 0.1, coverage: rounded, half: 1), than: (floor: 0.5, coverage: 1, half: 2)))
        #expect(!CountSpread.isBetter((floor: 0.5, coverage: 1, half: 2), than: (floor: 0.1, coverage: rounded, half: 1)))
    }

    @Test func aModelWithoutTheSpreadKeepsItsFixedFactors() {
        var model = ConfidenceModel(weights: PairFeatures.names.map { _ in 0 }, fittedOn: [], pairs: 0)
        #expect(model.intervalFactors(agreementRate: 0.5).isEmpty)
        model.countFactors = [0.2, 5]
        #expect(model.intervalFactors(agreementRate: 0.5) == [0.2, 5])
        model.countSpread = CountSpread(quantile: 1, floor: 0.5, lowestAgreement: 0.4)
        #expect(model.intervalFactors(agreementRate: 0.5)[1] == exp(1))
    }

    @Test func aModelFileWrittenBeforeTheSpreadIsReadWithItsFactors() throws {
        let names = PairFeatures.names.map { "\"\($0)\"" }.joined(separator: ", ")
        let weights = PairFeatures.names.map { _ in "0" }.joined(separator: ", ")
        let file = """
            {"countFactors": [0.14, 9], "countMedianError": 0.5, "features": [\(names)],
             "fittedOn": ["a (10 comments)"], "pairs": 10, "weights": [\(weights)]}
            """
        let model = try JSONDecoder().decode(ConfidenceModel.self, from: Data(file.utf8))
        #expect(model.countSpread == nil)
        #expect(model.intervalFactors(agreementRate: 0.8) == [0.14, 9])
    }
}
