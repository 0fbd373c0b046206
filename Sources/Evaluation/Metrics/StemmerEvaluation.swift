/// Scores a stemmer on gold clusters (one cluster = word forms that should share a stem), with the
/// macro measure of CISTEM's published comparison.
///
/// For each cluster: its stem s is the one most of its words get (ties: the stem of the earliest
/// word); TP = words of the cluster with stem s; FP = distinct word forms of the gold standard
/// outside the cluster with stem s; FN = the cluster's other words. Precision, recall and F1 are
/// computed per cluster and averaged over clusters (macro). Counting FP over distinct forms
/// matters because some forms appear in several clusters; with it the reference implementation's
/// published F1 (0.897 on GS1, 0.908 on GS2) is reproduced.
public struct StemmerEvaluation: Sendable, Equatable {
    public var clusters: Int
    /// Distinct word forms.
    public var words: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public static func evaluate(clusters: [[String]], stem: (String) -> String) -> StemmerEvaluation {
        var stemOf: [String: String] = [:]
        var formsPerStem: [String: Int] = [:]
        for cluster in clusters {
            for word in cluster where stemOf[word] == nil {
                let value = stem(word)
                stemOf[word] = value
                formsPerStem[value, default: 0] += 1
            }
        }
        var precisionSum = 0.0
        var recallSum = 0.0
        var f1Sum = 0.0
        var counted = 0
        for cluster in clusters where !cluster.isEmpty {
            let stems = cluster.map { stemOf[$0] ?? stem($0) }
            var counts: [String: Int] = [:]
            for value in stems { counts[value, default: 0] += 1 }
            // The cluster's stem: its most frequent one, the first in cluster order on a tie.
            var best = stems[0]
            var bestCount = counts[best, default: 0]
            for value in stems where counts[value, default: 0] > bestCount {
                best = value
                bestCount = counts[value, default: 0]
            }
            let truePositives = Double(bestCount)
            let ownForms = Set(cluster.filter { stemOf[$0] == best }).count
            let falsePositives = Double(formsPerStem[best, default: 0] - ownForms)
            let precision = truePositives / (truePositives + falsePositives)
            let recall = truePositives / Double(cluster.count)
            precisionSum += precision
            recallSum += recall
            f1Sum += 2 * precision * recall / (precision + recall)
            counted += 1
        }
        let denominator = Double(max(counted, 1))
        return StemmerEvaluation(
            clusters: counted, words: stemOf.count, precision: precisionSum / denominator,
            recall: recallSum / denominator, f1: f1Sum / denominator)
    }
}
