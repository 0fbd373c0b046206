/// How well confidences match outcomes: predictions binned by confidence, with the share that
/// turned out right in each bin (DeGroot & Fienberg 1983; Guo et al. 2017 for ECE).
///
/// Bin `k` of `bins` holds confidences in `[k/bins, (k+1)/bins)` (the last bin includes 1).
/// Expected calibration error `ECE = Σ_k (n_k / n) · |accuracy_k − mean confidence_k|`.
public struct ReliabilityTable: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanConfidence: Double
        /// Share of the bin's predictions that were right.
        public var accuracy: Double
    }

    public var bins: [Bin]
    public var expectedCalibrationError: Double
    public var count: Int

    public init(confidences: [Double], outcomes: [Bool], bins binCount: Int = 10) {
        precondition(confidences.count == outcomes.count, "one outcome per confidence")
        precondition(binCount > 0, "at least one bin")
        var counts = [Int](repeating: 0, count: binCount)
        var confidenceSums = [Double](repeating: 0, count: binCount)
        var correct = [Int](repeating: 0, count: binCount)
        for (confidence, outcome) in zip(confidences, outcomes) {
            let bin = min(binCount - 1, max(0, Int(confidence * Double(binCount))))
            counts[bin] += 1
            confidenceSums[bin] += confidence
            if outcome { correct[bin] += 1 }
        }
        let total = confidences.count
        var ece = 0.0
        bins = (0..<binCount).map { bin in
            let count = counts[bin]
            let mean = count > 0 ? confidenceSums[bin] / Double(count) : 0
            let accuracy = count > 0 ? Double(correct[bin]) / Double(count) : 0
            if count > 0 { ece += Double(count) / Double(total) * abs(accuracy - mean) }
            return Bin(
                lower: Double(bin) / Double(binCount), upper: Double(bin + 1) / Double(binCount), count: count,
                meanConfidence: mean, accuracy: accuracy)
        }
        expectedCalibrationError = ece
        count = total
    }
}
