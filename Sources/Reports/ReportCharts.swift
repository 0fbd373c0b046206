import Analytics

/// The charts of a report, as SVG files under `charts/` (see ``SVGBarChart``):
/// - `charts/goals.svg`: per goal its comments, split into assigned, uncertain and fitting no measure;
/// - `charts/goals/<goal-id>.svg`: per measure of the goal its share of the comments compared (in a
///   folder of their own, so that no goal id can name the file of another chart);
/// - `charts/topics.svg`: the topics of the whole consultation by size.
/// The Markdown embeds each one and gives its figures as a table beside it.
enum ReportCharts {
    static func files(_ result: RunResult, strings: ReportStrings) -> [(path: String, content: String)] {
        var files = [(path: "charts/goals.svg", content: goals(result, strings: strings).render())]
        for goal in result.goals {
            files.append((path: "charts/goals/\(goal.id).svg", content: measures(goal, strings: strings).render()))
        }
        files.append((path: "charts/topics.svg", content: topics(result, strings: strings).render()))
        return files
    }

    static func goals(_ result: RunResult, strings: ReportStrings) -> SVGBarChart {
        SVGBarChart(
            title: strings.goalsChartTitle,
            series: [strings.assignedTotal, strings.uncertainTotal, strings.unassignedTotal].map(SVGBarChart.Series.init),
            rows: result.goals.map { goal in
                let counts = [goal.assignedCount, goal.uncertainCount, goal.unassignedCount]
                return SVGBarChart.Row(label: goal.title, values: counts.map(Double.init), texts: counts.map(String.init))
            })
    }

    static func measures(_ goal: GoalResult, strings: ReportStrings) -> SVGBarChart {
        SVGBarChart(
            title: strings.measuresChartTitle(goal.title), series: [SVGBarChart.Series(name: strings.share)],
            rows: goal.measures.map { measure in
                let share = goal.share(of: measure)
                return SVGBarChart.Row(
                    label: measure.title, values: [share], texts: ["\(strings.percent(share)) (\(measure.commentCount))"])
            })
    }

    static func topics(_ result: RunResult, strings: ReportStrings) -> SVGBarChart {
        SVGBarChart(
            title: strings.topicsChartTitle, series: [SVGBarChart.Series(name: strings.comments)],
            rows: result.topics.filter { $0.goal == nil && $0.isCoherent }.map { topic in
                SVGBarChart.Row(label: topic.label, values: [Double(topic.size)], texts: ["\(topic.size)"])
            })
    }
}
