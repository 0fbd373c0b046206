import Foundation

/// Spherical k-means (Dhillon & Modha 2001) on TF-IDF vectors: the fast alternative to GSDMM,
/// for a given number of clusters.
///
/// Rules: rows are `(1 + ln tf) · idf` with `idf = ln((1 + N)/(1 + df)) + 1` (scikit-learn's
/// smoothed form), L2-normalised; seeds by k-means++ on the cosine distance `1 − x·μ` drawn from
/// ``SplitMix64``; then assign every row to its most similar centre (ties to the lower index) and
/// set each centre to the normalised sum of its rows, until no assignment changes or after
/// `maximumIterations`. `restarts` runs with seeds `seed, seed+1, …` (in parallel); the one with
/// the largest `Σ_d x_d·μ_k(d)` is kept, ties to the lower seed. Empty rows join cluster 0.
public struct SphericalKMeans: Sendable, Equatable, Codable {
    public var clusters: Int
    public var maximumIterations: Int
    public var restarts: Int

    public init(clusters: Int, maximumIterations: Int = 50, restarts: Int = 3) {
        precondition(clusters > 0 && maximumIterations > 0 && restarts > 0, "invalid k-means settings")
        self.clusters = clusters
        self.maximumIterations = maximumIterations
        self.restarts = restarts
    }

    /// The best of `restarts` runs (``TopicClustering/best(_:clusters:seed:runs:threads:)``).
    public func cluster(documents: [[TermCount]], vocabularySize: Int, seed: UInt64, threads: Int) -> Clustering {
        let clustering = TopicClustering(method: .kmeans, kmeansIterations: maximumIterations)
        return clustering.best(
            clustering.prepare(rows: documents, vocabularySize: vocabularySize), clusters: clusters, seed: seed, runs: restarts,
            threads: threads)
    }

    static func tfidf(_ documents: [[TermCount]], vocabularySize: Int) -> [[(term: Int, weight: Double)]] {
        var frequency = [Int](repeating: 0, count: vocabularySize)
        for row in documents { for entry in row { frequency[entry.term] += 1 } }
        let n = Double(documents.count)
        return documents.map { row in
            let weighted = row.map {
                (term: $0.term, weight: (1 + log(Double($0.count))) * (log((1 + n) / (1 + Double(frequency[$0.term]))) + 1))
            }
            let norm = sqrt(weighted.reduce(0) { $0 + $1.weight * $1.weight })
            return norm > 0 ? weighted.map { ($0.term, $0.weight / norm) } : weighted
        }
    }

    /// One run; its `score` is the objective `Σ_d x_d·μ_k(d)`. `start`, when given, holds a
    /// cluster or -1 per row: the centres start as the normalised sums of each cluster's rows
    /// instead of from k-means++.
    func run(rows: [[(term: Int, weight: Double)]], vocabularySize: Int, seed: UInt64, start: [Int]? = nil) -> Clustering {
        let k = min(clusters, max(rows.count, 1))
        var random = SplitMix64(seed: seed)
        var centres = [[Double]](repeating: [Double](repeating: 0, count: vocabularySize), count: k)
        func similarity(_ row: Int, _ centre: [Double]) -> Double {
            rows[row].reduce(0) { $0 + $1.weight * centre[$1.term] }
        }
        guard !rows.isEmpty else { return Clustering(renumbering: [], score: 0, seed: seed) }
        if let start {
            precondition(start.count == rows.count, "one start cluster (or -1) per row")
            for (row, cluster) in zip(rows, start) where cluster >= 0 && cluster < k {
                for (term, weight) in row { centres[cluster][term] += weight }
            }
            centres = centres.map(Self.normalised)
            return iterate(rows: rows, centres: centres, seed: seed)
        }
        // k-means++: the first centre uniformly, each next one with probability ∝ its distance.
        var chosen = [random.index(below: rows.count)]
        var distance = [Double](repeating: 1, count: rows.count)
        while chosen.count < k {
            var centre = [Double](repeating: 0, count: vocabularySize)
            for (term, weight) in rows[chosen[chosen.count - 1]] { centre[term] = weight }
            for row in rows.indices { distance[row] = min(distance[row], max(0, 1 - similarity(row, centre))) }
            let total = distance.reduce(0, +)
            guard total > 0 else { break }
            var draw = random.unit() * total
            var next = rows.count - 1
            for row in rows.indices {
                draw -= distance[row]
                if draw < 0 {
                    next = row
                    break
                }
            }
            chosen.append(next)
        }
        for (index, row) in chosen.enumerated() { for (term, weight) in rows[row] { centres[index][term] = weight } }
        return iterate(rows: rows, centres: centres, seed: seed)
    }

    private static func normalised(_ centre: [Double]) -> [Double] {
        let norm = sqrt(centre.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? centre.map { $0 / norm } : centre
    }

    /// Lloyd's iterations from the given centres.
    private func iterate(rows: [[(term: Int, weight: Double)]], centres start: [[Double]], seed: UInt64) -> Clustering {
        var centres = start
        func similarity(_ row: Int, _ centre: [Double]) -> Double {
            rows[row].reduce(0) { $0 + $1.weight * centre[$1.term] }
        }
        var assignments = [Int](repeating: -1, count: rows.count)
        var objective = 0.0
        for _ in 0..<maximumIterations {
            var changed = false
            objective = 0
            for row in rows.indices {
                var best = 0
                var bestValue = -Double.infinity
                for c in centres.indices {
                    let value = similarity(row, centres[c])
                    if value > bestValue {
                        bestValue = value
                        best = c
                    }
                }
                objective += bestValue
                if assignments[row] != best {
                    assignments[row] = best
                    changed = true
                }
            }
            if !changed { break }
            centres = centres.map { $0.map { _ in 0 } }
            for row in rows.indices { for (term, weight) in rows[row] { centres[assignments[row]][term] += weight } }
            centres = centres.map(Self.normalised)
        }
        return Clustering(renumbering: assignments, score: objective, seed: seed)
    }
}
