import Analytics
import Testing
import _TestSupport

/// Tests ``MeasureTrend``: Monday weeks in UTC, one axis, counts and sparkline.
struct MeasureTrendTests {
    @Test func countsByMondayWeek() throws {
        let first = try #require(MeasureTrend.day("2026-10-05"))  // a Monday
        let last = try #require(MeasureTrend.day("2026-10-25"))  // a Sunday, third week
        let trend = MeasureTrend(
            dates: ["2026-10-05T08:00:00", "2026-10-11", "2026-10-12", "2026-10-18T23:59:00Z", "gestern", "2026-10-26"],
            first: first, last: last)
        #expect(trend.weekStarts.map(MeasureTrend.isoDate) == ["2026-10-05", "2026-10-12", "2026-10-19"])
        #expect(trend.counts == [2, 2, 0])  // the 26th lies after the axis, "gestern" is no date
        #expect(trend.sparkline == "██·")
    }

    @Test func civilDatesRoundTrip() throws {
        for date in ["1970-01-01", "2000-02-29", "2026-12-31", "1969-12-29"] {
            #expect(MeasureTrend.isoDate(try #require(MeasureTrend.day(date))) == date)
        }
    }

    @Test func longConsultationsShowTheirLastWeeks() throws {
        let first = try #require(MeasureTrend.day("2025-01-06"))
        let last = try #require(MeasureTrend.day("2026-01-05"))
        let trend = MeasureTrend(dates: [], first: first, last: last)
        #expect(trend.counts.count == MeasureTrend.maximumWeeks && trend.sparkline.allSatisfy { $0 == "·" })
    }

    /// The run computes every measure's trend once; a result stored before trends were kept gets
    /// the same ones when its reports are written again.
    @Test func aRunKeepsTrendsAndAssignedListsAndAStoredResultGetsThemBack() throws {
        let result = try MiniRun.result()
        let measures = result.goals.flatMap(\.measures)
        #expect(measures.allSatisfy { $0.trend != nil })
        // Every assigned comment with a date counts once (m09's "gestern" is no date).
        #expect(measures.map { $0.trend?.counts.reduce(0, +) ?? -1 } == [2, 2, 1, 2])
        var stored = result
        for goal in stored.goals.indices {
            for measure in stored.goals[goal].measures.indices {
                stored.goals[goal].measures[measure].trend = nil
                stored.goals[goal].measures[measure].assignedComments = nil
            }
        }
        let upgraded = AnalysisPipeline.upgraded(stored)
        #expect(upgraded.goals.flatMap(\.measures).map(\.trend) == measures.map(\.trend))
        #expect(upgraded.goals.flatMap(\.measures).map(\.assignedComments) == measures.map(\.assignedComments))
        #expect(measures.allSatisfy { $0.assignedComments?.count == $0.commentCount })
    }
}
