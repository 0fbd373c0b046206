/// Quantiles of a sample, for the count intervals and their evaluation.
public enum Quantile {
    /// The `q` quantile of sorted, non-empty `values`, interpolated linearly between ranks: at
    /// position `q · (n − 1)`, `v[⌊p⌋] + (p − ⌊p⌋) · (v[⌊p⌋ + 1] − v[⌊p⌋])`.
    public static func linear(_ values: [Double], _ q: Double) -> Double {
        let position = q * Double(values.count - 1)
        let low = Int(position)
        let high = min(low + 1, values.count - 1)
        return values[low] + (position - Double(low)) * (values[high] - values[low])
    }
}
