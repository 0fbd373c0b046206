import Analytics
import Testing
import _TestSupport

/// The goal pages list each goal's uncertain and unassigned comments from the run's model
/// (``GoalResult/uncertainComments``, ``GoalResult/unassignedComments``), not by scanning every
/// comment per page; a result stored before the lists were kept gets them back as it is read.
struct GoalCommentListsTests {
    @Test func eachGoalListsItsCommentsByStatusInInputOrder() throws {
        let result = try MiniRun.result()
        for goal in result.goals {
            let members = result.comments.indices.filter { result.comments[$0].reportGoal == goal.id }
            #expect(goal.uncertainComments == members.filter { result.comments[$0].status == .uncertain })
            #expect(goal.unassignedComments == members.filter { result.comments[$0].status == .unassigned })
            #expect(goal.uncertainComments?.count == goal.uncertainCount)
            #expect(goal.unassignedComments?.count == goal.unassignedCount)
        }
        let counts = result.statusCounts
        #expect(counts.assigned + counts.uncertain + counts.unassigned == result.comments.count)
        #expect(result.commentsWithoutReportGoal.allSatisfy { result.comments[$0].reportGoal == nil })
    }

    @Test func aStoredResultWithoutTheListsGetsThemFromItsComments() throws {
        var stored = try MiniRun.result()
        let goal = try #require(stored.goals.first)
        let member = try #require(stored.comments.indices.first { stored.comments[$0].reportGoal == goal.id })
        let later = try #require(stored.comments.indices.last { stored.comments[$0].reportGoal == goal.id })
        try #require(member != later)
        stored.comments[member].status = .uncertain
        stored.comments[later].status = .unassigned
        for index in stored.goals.indices {
            stored.goals[index].uncertainComments = nil
            stored.goals[index].unassignedComments = nil
        }
        let upgraded = AnalysisPipeline.upgraded(stored)
        #expect(upgraded.goals[0].uncertainComments == [member])
        #expect(upgraded.goals[0].unassignedComments == [later])
        #expect(upgraded.goals.dropFirst().allSatisfy { $0.uncertainComments != nil && $0.unassignedComments != nil })
    }
}
