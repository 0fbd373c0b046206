import Corpus

/// How a measure's assigned comments came in over time, computed once per run for the goal pages
/// (``MeasureResult/trend``).
///
/// Rules: a comment counts in the week (Monday to Sunday, UTC) of its `created_at`; comments
/// without a date are left out. The weeks run from the week of the consultation's first dated
/// comment to that of its last, the same axis for every measure, at most the last `maximumWeeks`.
/// The sparkline maps each week's count to one of `▁▂▃▄▅▆▇█` by its share of the busiest week
/// (rounded up, so one comment is never invisible), `·` for none; the counts are written beside it.
public struct MeasureTrend: Sendable, Equatable, Codable {
    /// Days since 1970-01-01 of the Monday that starts each week.
    public var weekStarts: [Int]
    public var counts: [Int]

    public static let maximumWeeks = 26

    /// The trend of the comments with dates `dates`, on the weeks from `first` to `last` (days
    /// since 1970-01-01 of any day in them).
    public init(dates: [String], first: Int, last: Int) {
        let firstWeek = Self.week(first)
        let lastWeek = max(firstWeek, Self.week(last))
        let start = max(firstWeek, lastWeek - Self.maximumWeeks + 1)
        weekStarts = (start...lastWeek).map { $0 * 7 - 3 }
        counts = [Int](repeating: 0, count: lastWeek - start + 1)
        for date in dates {
            guard let day = Self.day(date) else { continue }
            let week = Self.week(day)
            if week >= start && week <= lastWeek { counts[week - start] += 1 }
        }
    }

    /// Days since 1970-01-01 (UTC) of an ISO 8601 date, nil when it is none.
    public static func day(_ iso: String) -> Int? {
        ISODate.sortKey(iso).map { Int(($0 / 86_400).rounded(.down)) }
    }

    /// Monday-based week number: 1970-01-01 was a Thursday, so day −3 starts week 0.
    static func week(_ day: Int) -> Int {
        Int((Double(day + 3) / 7).rounded(.down))
    }

    public var sparkline: String {
        let busiest = counts.max() ?? 0
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(
            counts.map { count in
                guard count > 0, busiest > 0 else { return "·" }
                let level = Int((Double(count) / Double(busiest) * Double(bars.count)).rounded(.up)) - 1
                return bars[min(bars.count - 1, max(0, level))]
            })
    }

    /// `YYYY-MM-DD` of a day since 1970-01-01 (civil calendar, after Howard Hinnant's algorithm).
    public static func isoDate(_ day: Int) -> String {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }
}
