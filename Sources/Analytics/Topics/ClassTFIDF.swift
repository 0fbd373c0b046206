import Foundation

/// Class-based TF-IDF (c-TF-IDF; Grootendorst 2022, BERTopic's `_ctfidf.py`): the keywords that
/// set one cluster of comments apart from the others.
///
/// With `X[c,t]` the number of comments of cluster c that contain term t (each comment counts a
/// term once; comments are short), `A = ⌊mean_c Σ_t X[c,t]⌋`, `f_t = Σ_c X[c,t]`:
/// `score(c,t) = X[c,t] / Σ_t' X[c,t'] · ln(1 + A / f_t)`. Terms are ranked by score, then by
/// `X[c,t]`, then by term; terms with `X[c,t] < minimumCount` are left out.
public enum ClassTFIDF {
    /// The top `limit` terms of each cluster with their scores, in cluster order.
    /// - Parameter clusters: the member indices into `documents` of each cluster.
    public static func keywords<Term>(
        clusters: [[Int]], documents: [SortedSet<Term>], limit: Int, minimumCount: Int = 1
    ) -> [[(term: Term, score: Double)]] {
        var counts: [[Term: Int]] = []
        var frequency: [Term: Int] = [:]
        for members in clusters {
            var local: [Term: Int] = [:]
            for member in members { for term in documents[member] { local[term, default: 0] += 1 } }
            for (term, count) in local { frequency[term, default: 0] += count }
            counts.append(local)
        }
        let totals = counts.map { $0.values.reduce(0, +) }
        let average = totals.isEmpty ? 0 : Double(totals.reduce(0, +) / totals.count)
        return zip(counts, totals).map { local, total in
            guard total > 0 else { return [] }
            return local.filter { $0.value >= minimumCount }.map { term, count in
                (term: term, score: Double(count) / Double(total) * log(1 + average / Double(frequency[term] ?? 1)), count: count)
            }
            .sorted { lhs, rhs in
                if lhs.score != rhs.score { return lhs.score > rhs.score }
                if lhs.count != rhs.count { return lhs.count > rhs.count }
                return lhs.term < rhs.term
            }
            .prefix(limit).map { ($0.term, $0.score) }
        }
    }
}
