import Foundation

/// How far a measure's count of assigned comments may lie from its true count, in a consultation
/// whose two rankings (BM25 and Naive Bayes) agree on a share `a` of the comments: the interval
/// of ``ModelCountEstimator``, fitted on labelled consultations the confidence model was not
/// fitted on.
///
/// Rule: with `r = (true + 1) / (counted + 1)` a measure's ratio and `s(a) = 1 − a + floor` its
/// consultation's scale, the half-width on the log scale is `h = k · s(a)`, and the factors are
/// `[e^−h, e^h]`, where `k` is the 95 % quantile of `|ln r| / s(a)` over every measure of the
/// fitting corpora (each counted with weights fitted without its corpus).
/// - **Symmetric**, because the direction of a new consultation's error is not predictable from
///   others: Ottensen's comments carry three codes and are undercounted, GermEval's are
///   overcounted; quantiles of `r` itself put a held-out corpus outside on the side the others
///   rarely erred on (the stated 95 % held 45 % of GermEval's true counts).
/// - **Scaled by disagreement**: where the two rankings disagree, more comments are assigned
///   wrongly (Platanios, Blum & Mitchell 2014), and the counts were further off: the two corpora
///   with the lowest agreement (0.48 and 0.58) had the largest count errors. `floor` stands for
///   the error that remains where the rankings agree (small measures, shared mistakes).
/// - **`floor` chosen by leaving one corpus out** among the fitting corpora: for each candidate
///   of ``floors``, each corpus in turn gets `k` from the others, and the candidate is kept whose
///   mean coverage of the held-out corpora reaches 95 % with the narrowest mean `h`; when none
///   reaches it, the one with the highest coverage (then the narrowest).
/// - A run **without a second ranking** (no self-training) or without a comment with evidence has
///   no agreement rate: it gets the range of the least agreement among the fitting corpora
///   (`lowestAgreement`), the widest they support.
public struct CountSpread: Sendable, Equatable, Codable {
    /// `k`, the 95 % quantile of `|ln r| / s(a)`.
    public var quantile: Double
    /// `floor` of `s(a) = 1 − a + floor`.
    public var floor: Double
    /// The lowest agreement rate among the fitting corpora, for a run that has none.
    public var lowestAgreement: Double

    public init(quantile: Double, floor: Double, lowestAgreement: Double) {
        self.quantile = quantile
        self.floor = floor
        self.lowestAgreement = lowestAgreement
    }

    /// The candidates for `floor`.
    public static let floors: [Double] = [0.05, 0.1, 0.2, 0.3, 0.5, 1]
    /// The share of true counts the interval is to hold.
    public static let level = 0.95

    /// One fitting corpus: its measures' ratios `(true + 1) / (counted + 1)` and its agreement rate.
    public struct Corpus: Sendable, Equatable {
        public var ratios: [Double]
        public var agreementRate: Double

        public init(ratios: [Double], agreementRate: Double) {
            self.ratios = ratios
            self.agreementRate = agreementRate
        }
    }

    /// `[e^−h, e^h]` for a consultation with agreement rate `a`, `h = k · (1 − a + floor)`;
    /// without a rate, `a` is ``lowestAgreement``.
    public func factors(agreementRate: Double?) -> [Double] {
        let half = quantile * Self.scale(agreementRate ?? lowestAgreement, floor: floor)
        return [exp(-half), exp(half)]
    }

    /// Fits `k` and `floor` (see the type's rule); nil without two measures with a ratio, and
    /// `floor` is the first candidate when fewer than two corpora have ratios (nothing to hold out).
    public static func fit(_ corpora: [Corpus]) -> CountSpread? {
        guard corpora.reduce(0, { $0 + $1.ratios.count }) >= 2 else { return nil }
        var chosen = floors[0]
        if corpora.count >= 2 {
            var best: (floor: Double, coverage: Double, half: Double)?
            for floor in floors {
                var coverage = 0.0
                var half = 0.0
                var heldOut = 0
                for held in corpora.indices where !corpora[held].ratios.isEmpty {
                    guard let k = quantile(of: corpora.indices.filter { $0 != held }.map { corpora[$0] }, floor: floor)
                    else { continue }
                    let h = k * scale(corpora[held].agreementRate, floor: floor)
                    let inside = corpora[held].ratios.filter { abs(log($0)) <= h }.count
                    coverage += Double(inside) / Double(corpora[held].ratios.count)
                    half += h
                    heldOut += 1
                }
                guard heldOut > 0 else { continue }
                let candidate = (floor: floor, coverage: coverage / Double(heldOut), half: half / Double(heldOut))
                if let current = best, !isBetter(candidate, than: current) { continue }
                best = candidate
            }
            if let best { chosen = best.floor }
        }
        let lowest = corpora.filter { !$0.ratios.isEmpty }.map { min(max($0.agreementRate, 0), 1) }.min() ?? 0
        return quantile(of: corpora, floor: chosen).map {
            CountSpread(quantile: $0, floor: chosen, lowestAgreement: lowest)
        }
    }

    /// Reaching ``level`` first, then the narrower; below it, the higher coverage, then the
    /// narrower. Coverages are means of shares, so they are compared within `1e-9` (three corpora
    /// that each hold 19 of 20 measures give 0.9499999999999998).
    static func isBetter(
        _ candidate: (floor: Double, coverage: Double, half: Double),
        than current: (floor: Double, coverage: Double, half: Double)
    ) -> Bool {
        let tolerance = 1e-9
        let reaches = candidate.coverage >= level - tolerance
        let currentReaches = current.coverage >= level - tolerance
        if reaches != currentReaches { return reaches }
        if !reaches && abs(candidate.coverage - current.coverage) > tolerance {
            return candidate.coverage > current.coverage
        }
        return candidate.half < current.half
    }

    /// `s(a) = 1 − a + floor`, the agreement rate clamped to [0, 1].
    static func scale(_ agreementRate: Double, floor: Double) -> Double {
        1 - min(max(agreementRate, 0), 1) + floor
    }

    /// The ``level`` quantile of `|ln r| / s(a)` over the measures of `corpora`
    /// (``Quantile/linear(_:_:)``); nil without a measure.
    static func quantile(of corpora: [Corpus], floor: Double) -> Double? {
        let values = corpora.flatMap { corpus in
            corpus.ratios.map { abs(log($0)) / scale(corpus.agreementRate, floor: floor) }
        }.sorted()
        return values.isEmpty ? nil : Quantile.linear(values, level)
    }
}
