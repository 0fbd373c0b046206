/// Rocchio pseudo-relevance feedback (Rocchio 1971; Manning, Raghavan & Schütze 2008, §9.1.1):
/// each measure's query takes in the terms its best-matching comments share.
///
/// Rule, per measure `c`:
/// - R = the comments a reviewer assigned to `c`, plus the `documents` comments with the highest
///   BM25 score for `c` among those whose best measure is `c` (score > 0); comments a reviewer
///   rejected for `c` are left out, and a campaign or duplicate group gives only its best comment
///   (so nine copies of one text do not teach the measure their words);
/// - every comment `d` in R gives each of its terms the weight `idf(t) · f(t,d) / max_t' f(t',d)·idf(t')`
///   (its TF-IDF vector scaled to a largest entry of 1);
/// - the `terms` terms with the highest mean weight over R that are not yet in the query, and
///   that occur in at least two comments of R, join it with weight `beta × mean weight` (any word,
///   not only nouns: restricting expansion to nouns cost 0.01–0.02 macro-F1, docs/assignment.md);
/// - a term chosen for two or more measures is dropped from all of them: it does not tell them apart.
public struct QueryExpansion: Sendable, Equatable, Codable {
    public var documents: Int
    public var terms: Int
    public var beta: Double

    public init(documents: Int = 10, terms: Int = 20, beta: Double = 0.5) {
        self.documents = documents
        self.terms = terms
        self.beta = beta
    }

    /// The expansion terms and their weights, per measure (same order as `scores`' columns).
    /// - Parameters:
    ///   - scores: BM25 score per comment (row) and measure (column).
    ///   - positives / negatives: reviewed measure indices per comment.
    public func expansions(
        bags: [TermBag], index: BM25Index, queries: [MeasureQuery], scores: ScoreMatrix, contributions: [Int],
        positives: [Int: Set<Int>], negatives: [Int: Set<Int>]
    ) -> [[TermID: Double]] {
        let measureCount = queries.count
        var relevant: [[Int]] = Array(repeating: [], count: measureCount)
        for row in 0..<scores.rows {
            guard let best = scores.best(row: row, among: 0..<measureCount), scores[row, best] > 0 else { continue }
            relevant[best].append(row)
        }
        var chosen: [[(term: TermID, weight: Double)]] = []
        for measure in 0..<measureCount {
            let byScore = relevant[measure].sorted { lhs, rhs in
                scores[lhs, measure] != scores[rhs, measure] ? scores[lhs, measure] > scores[rhs, measure] : lhs < rhs
            }
            var groups: Set<Int> = []
            let reviewed = positives.keys.sorted().filter { positives[$0]?.contains(measure) == true }
            var members = reviewed.filter { groups.insert(contributions[$0]).inserted }
            var matched = 0
            for row in byScore where matched < documents && negatives[row]?.contains(measure) != true {
                guard groups.insert(contributions[row]).inserted else { continue }
                members.append(row)
                matched += 1
            }
            members.sort()
            guard !members.isEmpty else {
                chosen.append([])
                continue
            }
            var sums: [TermID: Double] = [:]
            var support: [TermID: Int] = [:]
            for member in members {
                let bag = bags[member]
                let weighted = bag.entries.map { term, count in (term, Double(count) * index.idf(term)) }
                let largest = weighted.map(\.1).max() ?? 0
                guard largest > 0 else { continue }
                for (term, weight) in weighted {
                    sums[term, default: 0] += weight / largest
                    support[term, default: 0] += 1
                }
            }
            let query = queries[measure].weights
            let candidates = sums.filter { query[$0.key] == nil && (support[$0.key] ?? 0) >= 2 }
                .map { (term: $0.key, weight: $0.value / Double(members.count)) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            chosen.append(Array(candidates.prefix(terms)))
        }
        var uses: [TermID: Int] = [:]
        for list in chosen { for item in list { uses[item.term, default: 0] += 1 } }
        return chosen.map { list in
            var weights: [TermID: Double] = [:]
            for item in list where uses[item.term] == 1 { weights[item.term] = beta * item.weight }
            return weights
        }
    }
}
