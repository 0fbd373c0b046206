/// Which measure the tool chose for the comments of each gold measure.
///
/// Rows: each gold label of a comment (a comment with two gold measures counts in two rows; one
/// without gold labels in the row `none`). Columns: the comment's first predicted measure, or
/// `none` when it predicts nothing. Rows and columns in framework order, `none` last.
public struct ConfusionMatrix: Sendable, Equatable {
    public static let none = "none"
    public var labels: [String]
    /// `counts[row][column]`, indexed like `labels`.
    public var counts: [[Int]]

    public init(gold: [[String]], predicted: [[String]], measureIDs: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted must cover the same comments")
        let labels = measureIDs + [Self.none]
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (goldLabels, predictedLabels) in zip(gold, predicted) {
            let column = predictedLabels.first.flatMap { position[$0] } ?? labels.count - 1
            let rows = goldLabels.isEmpty ? [labels.count - 1] : Set(goldLabels).compactMap { position[$0] }.sorted()
            for row in rows { counts[row][column] += 1 }
        }
        self.labels = labels
        self.counts = counts
    }
}
