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
        // X[c,·] per cluster as (term, count) ascending by term: its members' terms sorted and
        // counted by runs (no hashing: a term is counted where it sits in the sorted array).
        var counts: [[(term: Term, count: Int)]] = []
        counts.reserveCapacity(clusters.count)
        var terms: [Term] = []
        for members in clusters {
            terms.removeAll(keepingCapacity: true)
            for member in members { terms.append(contentsOf: documents[member].terms) }
            terms.sort()
            var local: [(term: Term, count: Int)] = []
            var start = 0
            while start < terms.count {
                var end = start + 1
                while end < terms.count && terms[end] == terms[start] { end += 1 }
                local.append((terms[start], end - start))
                start = end
            }
            counts.append(local)
        }
        // f_t, ascending by term: the clusters' counts merged.
        var frequency = counts.flatMap { $0 }
        frequency.sort { $0.term < $1.term }
        var merged = 0
        for index in frequency.indices {
            if merged > 0 && frequency[merged - 1].term == frequency[index].term {
                frequency[merged - 1].count += frequency[index].count
            } else {
                frequency[merged] = frequency[index]
                merged += 1
            }
        }
        frequency.removeLast(frequency.count - merged)
        let totals = counts.map { $0.reduce(0) { $0 + $1.count } }
        let average = totals.isEmpty ? 0 : Double(totals.reduce(0, +) / totals.count)
        return zip(counts, totals).map { local, total in
            guard total > 0 else { return [] }
            // Both ascending by term: one walk finds each term's f_t.
            var position = 0
            var scored: [(term: Term, score: Double, count: Int)] = []
            for (term, count) in local {
                while frequency[position].term < term { position += 1 }
                guard count >= minimumCount else { continue }
                scored.append(
                    (term, Double(count) / Double(total) * log(1 + average / Double(frequency[position].count)), count))
            }
            return scored.sorted { lhs, rhs in
                if lhs.score != rhs.score { return lhs.score > rhs.score }
                if lhs.count != rhs.count { return lhs.count > rhs.count }
                return lhs.term < rhs.term
            }
            .prefix(limit).map { ($0.term, $0.score) }
        }
    }
}
