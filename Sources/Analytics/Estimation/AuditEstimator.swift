/// An audit: a random sample of the comments, stratified by the measure each was counted for,
/// which people review completely (every measure that applies, or none).
///
/// Drawing (``draw(strata:size:seed:)``): the stratum of a comment is its first counted measure, or
/// none when it was not counted; each stratum gets `min(2, N_h)` comments, the rest of the sample
/// goes to the strata in proportion to their size (largest remainders first, ties by stratum
/// name), and within a stratum the comments are drawn without replacement by a partial
/// Fisher–Yates shuffle driven by ``SplitMix64`` from the seed: the same comments, strata and
/// seed always give the same sample.
public enum AuditSampler {
    /// One drawn comment and its stratum.
    public struct Draw: Sendable, Equatable {
        public var index: Int
        public var stratum: String
    }

    /// The sample, in stratum order and then drawing order, and every stratum's size.
    public static func draw(strata: [String], size: Int, seed: UInt64) -> (draws: [Draw], sizes: [String: Int]) {
        var members: [String: [Int]] = [:]
        for (index, stratum) in strata.enumerated() { members[stratum, default: []].append(index) }
        let names = members.keys.sorted()
        let sizes = names.map { members[$0]?.count ?? 0 }
        let allocation = allocate(sizes: sizes, total: min(size, strata.count))
        var generator = SplitMix64(seed: seed)
        var draws: [Draw] = []
        for (position, name) in names.enumerated() {
            var pool = members[name] ?? []
            for drawn in 0..<allocation[position] {
                let pick = drawn + generator.index(below: pool.count - drawn)
                pool.swapAt(drawn, pick)
                draws.append(Draw(index: pool[drawn], stratum: name))
            }
        }
        return (draws, Dictionary(uniqueKeysWithValues: zip(names, sizes)))
    }

    /// Sample sizes per stratum: `min(2, N_h)` each, the rest in proportion to `N_h − that`,
    /// largest remainders first (earlier strata on ties); never more than `N_h`.
    static func allocate(sizes: [Int], total: Int) -> [Int] {
        var allocation = sizes.map { min(2, $0) }
        var left = total - allocation.reduce(0, +)
        guard left > 0 else {
            // Fewer draws than two per stratum: the largest strata first.
            var result = [Int](repeating: 0, count: sizes.count)
            var remaining = total
            for index in sizes.indices.sorted(by: { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 })
            where remaining > 0 {
                result[index] = min(allocation[index], remaining)
                remaining -= result[index]
            }
            return result
        }
        let room = sizes.indices.map { sizes[$0] - allocation[$0] }
        let totalRoom = room.reduce(0, +)
        guard totalRoom > 0 else { return allocation }
        let shares = room.map { Double($0) / Double(totalRoom) * Double(left) }
        for index in sizes.indices {
            let whole = min(Int(shares[index]), room[index])
            allocation[index] += whole
            left -= whole
        }
        let order = sizes.indices.sorted { lhs, rhs in
            let a = shares[lhs] - Double(Int(shares[lhs]))
            let b = shares[rhs] - Double(Int(shares[rhs]))
            return a != b ? a > b : lhs < rhs
        }
        for index in order where left > 0 && allocation[index] < sizes[index] {
            allocation[index] += 1
            left -= 1
        }
        return allocation
    }
}

/// Design-based estimates of each measure's true count from an audit (model-assisted: the
/// difference estimator of stratified sampling; Särndal, Swensson & Wretman 1992, ch. 6; Cochran
/// 1977, ch. 5).
///
/// Rules, per measure, over the comments the sample was drawn from (the frame), with `p_i` the
/// model's confidence, `y_i` the reviewer's decision (1 when the measure applies) and `e_i = y_i −
/// p_i` for a reviewed comment of the sample:
/// - estimate `T = Σ_frame p_i + Σ_h N_h · ē_h`: the model's expected count, corrected by the mean
///   error the sample shows in each stratum;
/// - variance `V = Σ_h N_h² (1 − n_h/N_h) s_h² / n_h`, with `s_h²` the sample variance of the errors,
///   but at least a quarter of the Agresti–Coull variance `p̃(1 − p̃)`, `p̃ = (Σ y + 2)/(n_h + 4)`
///   (a stratum whose few reviewed comments all agree with the model is not taken as error-free;
///   0.25 for a single comment); no variance for a stratum reviewed completely;
/// - 95 % interval `T ∓ 1.96 √V`.
/// A stratum with no reviewed comment yet adds no correction and is flagged as not audited
/// (``Result/unauditedStrata``).
public enum AuditEstimator {
    /// One stratum of the audit: its size when drawn, and its reviewed comments' confidences and
    /// decisions, per measure.
    public struct Stratum: Sendable, Equatable {
        public var size: Int
        /// Per reviewed comment: the model's confidence per measure.
        public var confidences: [[Double]]
        /// Per reviewed comment: whether each measure applies.
        public var decisions: [[Bool]]

        public init(size: Int, confidences: [[Double]], decisions: [[Bool]]) {
            precondition(confidences.count == decisions.count, "one decision per reviewed comment")
            self.size = size
            self.confidences = confidences
            self.decisions = decisions
        }
    }

    public struct Result: Sendable, Equatable {
        public var values: [Double]
        public var variances: [Double]
        public var reviewed: Int
        public var unauditedStrata: Int
    }

    /// - Parameter frameTotals: `Σ_frame p_i` per measure.
    public static func estimate(frameTotals: [Double], strata: [Stratum]) -> Result {
        let measures = frameTotals.count
        var values = frameTotals
        var variances = [Double](repeating: 0, count: measures)
        var reviewed = 0
        var unaudited = 0
        for stratum in strata {
            let n = stratum.decisions.count
            reviewed += n
            guard n > 0 else {
                unaudited += 1
                continue
            }
            let size = Double(stratum.size)
            let fraction = min(Double(n) / size, 1)
            for column in 0..<measures {
                let errors = (0..<n).map { (stratum.decisions[$0][column] ? 1.0 : 0.0) - stratum.confidences[$0][column] }
                let mean = errors.reduce(0, +) / Double(n)
                values[column] += size * mean
                guard fraction < 1 else { continue }
                let positives = Double(stratum.decisions.filter { $0[column] }.count)
                let adjusted = (positives + 2) / (Double(n) + 4)
                let floor = adjusted * (1 - adjusted) / 4
                let spread = n > 1 ? errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1) : 0.25
                variances[column] += size * size * (1 - fraction) * max(spread, floor) / Double(n)
            }
        }
        return Result(values: values, variances: variances, reviewed: reviewed, unauditedStrata: unaudited)
    }
}
