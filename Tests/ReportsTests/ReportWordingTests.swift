import Corpus
import Testing
import _TestSupport

@testable import Analytics
@testable import Reports

/// Wording a reader of report.md met on a real consultation (issue "A planner's first night"):
/// "4 in 1 Gruppen", new and changed comments counted as one, clusters without coherence shown as
/// topics.
struct ReportWordingTests {
    @Test func oneGroupIsSingular() {
        #expect(ReportStrings.german.campaigns(4, 1) == "4 in 1 Gruppe")
        #expect(ReportStrings.german.campaigns(9, 2) == "9 in 2 Gruppen")
        #expect(ReportStrings.english.campaigns(4, 1) == "4 in 1 group")
    }

    @Test func newAndChangedCommentsAreCountedApartAndCommentsWithoutGoalHaveARow() throws {
        let result = try MiniRun.result()
        let withoutGoal = result.comments.filter { $0.reportGoal == nil }.map(\.id)
        let mobil = result.comments.filter { $0.reportGoal == "mobil" }.map(\.id)
        try #require(!withoutGoal.isEmpty && mobil.count >= 2)
        let snapshot = RunSnapshot(result)
        let changes = ChangeReport(
            result: result, baseline: snapshot, newIDs: Set([mobil[0]] + withoutGoal), changedIDs: [mobil[1]])
        #expect(changes.perGoal.first { $0.id == "mobil" }.map { ($0.count, $0.new) } ?? (0, nil) == (2, 1))
        #expect(changes.withoutGoal?.new == withoutGoal.count && changes.withoutGoal?.changed == 0)
        let lines = try ShippedTemplates.render(
            "report.md.mustache",
            [
                "labels": MarkdownReportRenderer.labels(.german),
                "since_last_run": MarkdownReportRenderer.sinceLastRun(changes, result: result, strings: .german),
            ])
        #expect(lines.contains("| Ziel | neue Beiträge | geänderte Beiträge |"))
        #expect(lines.contains("| Mobilität im Quartier | 1 | 1 |"))
        #expect(lines.contains("| ohne Angabe eines Ziels | \(withoutGoal.count) | 0 |"))
    }

    @Test func clustersBelowTheCoherenceFloorAreCountedNotShown() throws {
        var topic = try #require(try MiniRun.result().topics.first)
        topic.coherence = -0.35
        #expect(!topic.isCoherent)
        let note = MarkdownReportRenderer.incoherentNote([topic], strings: .german)
        #expect(note?.hasPrefix("1 weitere Gruppe mit zusammen \(topic.size) Beiträgen wird nicht als Thema gezeigt") == true)
        #expect(MarkdownReportRenderer.topicRows([topic].filter(\.isCoherent), total: 9, strings: .german).isEmpty)
        topic.coherence = 0
        #expect(topic.isCoherent && MarkdownReportRenderer.incoherentNote([topic], strings: .german) == nil)
    }
}
