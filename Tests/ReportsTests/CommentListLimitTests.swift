import Corpus
import Testing

@testable import Analytics
@testable import Reports

/// Goal pages list at most ``MarkdownReportRenderer/commentListLimit`` comments per measure and
/// say where the rest are: a page of 115,000 comments grew to 18 MB.
struct CommentListLimitTests {
    static func comments(_ count: Int) -> [CommentResult] {
        (0..<count).map { index in
            CommentResult(
                id: "c\(1000 + index)", text: "Text \(index)", goal: "g", inferredGoal: nil, createdAt: nil, status: .assigned,
                assignments: [MeasureAssignment(measureID: "g.m", goalID: "g", score: 1, confidence: 0.9, evidence: [])],
                bestConfidence: 0.9, topic: nil, duplicateOf: nil, nearDuplicateGroup: nil,
                source: SourceLocation(file: "x.csv", line: index + 2))
        }
    }

    func rows(_ table: String) -> [Substring] {
        table.split(separator: "\n").filter { $0.hasPrefix("| `c") }
    }

    /// The goal page's list of a measure's comments, as goal.md.mustache lays it out.
    func table(count: Int, strings: ReportStrings) throws -> String {
        let assigned = MarkdownReportRenderer.assignedTable(
            "g.m", order: Array(0..<count), comments: Self.comments(count), strings: strings)
        return try ShippedTemplates.render(
            "goal.md.mustache",
            [
                "labels": MarkdownReportRenderer.labels(strings),
                "measures": [["quotes": [[String: Any]](), "assigned": assigned as Any]],
            ])
    }

    @Test func aLongListShowsTheFirstAndPointsToTheCSV() throws {
        let limit = MarkdownReportRenderer.commentListLimit
        let table = try table(count: limit + 50, strings: .german)
        #expect(rows(table).count == limit)
        #expect(table.contains("Die ersten \(limit) von \(limit + 50); alle stehen in assignments.csv:"))
        #expect(table.contains("Alle zugeordneten Beiträge (\(limit + 50))"))
    }

    @Test func aShortListShowsAllWithoutANote() throws {
        let table = try table(count: 3, strings: .english)
        #expect(rows(table).count == 3)
        #expect(!table.contains("assignments.csv"))
    }
}
