/// Which comments a reviewer should look at first: those whose decision is closest to the line
/// (uncertainty sampling; Lewis & Gale 1994).
///
/// Rule: comments not yet reviewed, ordered by `|best confidence − assignAt|` ascending (the
/// model's best measure is as likely wrong as right), then by id; one comment per contribution
/// (a campaign or exact duplicate is reviewed once, and not at all once one of its comments was).
public enum ReviewQueue {
    /// Indices into `comments`, most useful first, at most `limit`.
    public static func rank(_ comments: [CommentResult], assignAt: Double, reviewed: Set<String>, limit: Int) -> [Int] {
        let ordered = comments.indices.filter { !reviewed.contains(comments[$0].id) }.sorted { lhs, rhs in
            let left = abs(comments[lhs].bestConfidence - assignAt)
            let right = abs(comments[rhs].bestConfidence - assignAt)
            return left != right ? left < right : comments[lhs].id < comments[rhs].id
        }
        var seen = Set(comments.filter { reviewed.contains($0.id) }.map(\.contributionKey))
        var chosen: [Int] = []
        for index in ordered where chosen.count < limit {
            if seen.insert(comments[index].contributionKey).inserted { chosen.append(index) }
        }
        return chosen
    }
}
