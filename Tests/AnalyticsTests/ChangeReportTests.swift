import Analytics
import Testing
import _TestSupport

/// Tests ``ChangeReport``: the counts of new and changed comments per goal and measure are those
/// of the comments picked out and counted one goal and one measure at a time.
struct ChangeReportTests {
    @Test func countsAreThoseOfTheTouchedCommentsGoalByGoalAndMeasureByMeasure() throws {
        let result = try MiniRun.result()
        var random = SplitMix64(seed: 11)
        for round in 0..<20 {
            var newIDs: Set<String> = []
            var changedIDs: Set<String> = []
            for comment in result.comments {
                switch random.index(below: round % 4 + 2) {
                case 0: newIDs.insert(comment.id)
                case 1: changedIDs.insert(comment.id)
                default: break
                }
            }
            let report = ChangeReport(result: result, baseline: nil, newIDs: newIDs, changedIDs: changedIDs)
            let touched = result.comments.filter { newIDs.contains($0.id) || changedIDs.contains($0.id) }
            func count(_ comments: [CommentResult], id: String) -> String? {
                comments.isEmpty ? nil : "\(id) \(comments.count) \(comments.filter { newIDs.contains($0.id) }.count)"
            }
            func shown(_ count: ChangeReport.Count?) -> String? {
                count.map { "\($0.id) \($0.count) \($0.new ?? -1)" }
            }
            #expect(report.commentIDs == touched.map(\.id))
            #expect(report.newComments == touched.filter { newIDs.contains($0.id) }.count)
            #expect(report.changedComments == touched.filter { !newIDs.contains($0.id) }.count)
            #expect(
                report.perGoal.compactMap(shown)
                    == result.goals.compactMap { goal in count(touched.filter { $0.reportGoal == goal.id }, id: goal.id) })
            #expect(shown(report.withoutGoal) == count(touched.filter { $0.reportGoal == nil }, id: ""))
            #expect(
                report.perMeasure.compactMap(shown)
                    == result.framework.measures.compactMap { measure in
                        count(
                            touched.filter { comment in
                                comment.status == .assigned && comment.assignments.contains { $0.measureID == measure.id }
                            }, id: measure.id)
                    })
            #expect(!report.perMeasure.isEmpty || touched.allSatisfy { $0.status != .assigned })
        }
    }
}
