import Foundation

/// Assigns a comment to the measures its BM25 scores support.
///
/// Rules, for the candidate measures (the posted goal's measures; all measures when the comment
/// has no goal), scores sorted high to low, ties in framework order:
/// - **unassigned** when the best score is below `threshold`: the comment fits no measure well;
/// - **uncertain** when the best score reaches `threshold` but the evidence is weak: only one
///   distinct term matched and the score is below twice the threshold; the candidates at or above
///   `threshold` are listed for review but not counted;
/// - **assigned** otherwise, to every measure whose score reaches `threshold` and at least
///   `relativeCutoff` × the best score (multi-label: a comment can speak to several measures).
/// `confidence` is `1 − 2^(−score/threshold)`: 0.5 at the threshold, 0.75 at twice of it. It
/// orders assignments but is **not calibrated** against labelled data yet.
public struct MeasureAssigner: Sendable {
    public let index: BM25Index
    public let queries: [MeasureQuery]
    public let threshold: Double
    public let relativeCutoff: Double
    /// Evidence terms listed per assignment, strongest first.
    public let evidenceLimit = 5

    public init(index: BM25Index, queries: [MeasureQuery], threshold: Double, relativeCutoff: Double) {
        precondition(threshold > 0, "threshold must be positive")
        precondition((0...1).contains(relativeCutoff), "relativeCutoff must lie in 0...1")
        self.index = index
        self.queries = queries
        self.threshold = threshold
        self.relativeCutoff = relativeCutoff
    }

    /// The assessment of one comment.
    public func assess(_ document: TermBag, goal: String?) -> CommentAssessment {
        let candidates = queries.filter { goal == nil || $0.goalID == goal }
        var scored: [(query: MeasureQuery, score: Double, contributions: [(term: String, weight: Double)])] = []
        for query in candidates {
            let contributions = index.contributions(of: query.weights, in: document)
            let score = index.score(contributions)
            if score > 0 { scored.append((query, score, contributions)) }
        }
        // Stable sort keeps framework order for equal scores.
        scored = scored.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
        guard let best = scored.first, best.score >= threshold else {
            return CommentAssessment(status: .unassigned, assignments: [])
        }
        let weak = best.contributions.count < 2 && best.score < 2 * threshold
        let chosen = scored.filter { item in
            item.score >= threshold && (weak || item.score >= relativeCutoff * best.score)
        }
        let assignments = chosen.map { item in
            MeasureAssignment(
                measureID: item.query.measureID, goalID: item.query.goalID, score: item.score,
                confidence: confidence(item.score),
                evidence: evidence(item.contributions, query: item.query, document: document))
        }
        return CommentAssessment(status: weak ? .uncertain : .assigned, assignments: assignments)
    }

    public func confidence(_ score: Double) -> Double {
        1 - pow(2, -score / threshold)
    }

    private func evidence(_ contributions: [(term: String, weight: Double)], query: MeasureQuery, document: TermBag) -> [Evidence] {
        contributions.sorted { lhs, rhs in lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.term < rhs.term }
            .prefix(evidenceLimit)
            .map { term, weight in
                Evidence(
                    term: document.firstDisplay[term] ?? term, measureTerm: query.display[term] ?? term,
                    weight: weight)
            }
    }
}

/// How a comment relates to the measures.
public enum AssignmentStatus: String, Sendable, Codable {
    case assigned, unassigned, uncertain
}

/// The outcome for one comment: its status and its assignments, strongest first.
public struct CommentAssessment: Sendable, Equatable {
    public var status: AssignmentStatus
    public var assignments: [MeasureAssignment]
}

/// One measure a comment was matched to.
public struct MeasureAssignment: Sendable, Equatable, Codable {
    public var measureID: String
    public var goalID: String
    /// Sum of the BM25 contributions of the matched terms.
    public var score: Double
    /// In [0, 1], monotone in `score`; see ``MeasureAssigner``.
    public var confidence: Double
    /// The matched terms, strongest first.
    public var evidence: [Evidence]
}

/// A matched term: as the comment wrote it, and as the measure's text wrote it.
public struct Evidence: Sendable, Equatable, Codable {
    public var term: String
    public var measureTerm: String
    /// The term's BM25 contribution to the score.
    public var weight: Double
}
