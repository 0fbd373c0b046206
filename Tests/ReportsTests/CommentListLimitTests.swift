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

    @Test func aLongListShowsTheFirstAndPointsToTheCSV() {
        let limit = MarkdownReportRenderer.commentListLimit
        let table = MarkdownReportRenderer.assignedTable(
            "g.m", order: Array(0..<(limit + 50)), comments: Self.comments(limit + 50), strings: .german)
        #expect(rows(table).count == limit)
        #expect(table.contains("Die ersten \(limit) von \(limit + 50); alle stehen in assignments.csv:"))
        #expect(table.contains("Alle zugeordneten Beiträge (\(limit + 50))"))
    }

    @Test func aShortListShowsAllWithoutANote() {
        let table = MarkdownReportRenderer.assignedTable("g.m", order: [0, 1, 2], comments: Self.comments(3), strings: .english)
        #expect(rows(table).count == 3)
        #expect(!table.contains("assignments.csv"))
    }
}
