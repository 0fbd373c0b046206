import Analytics
import Corpus

/// Renders `report.md` (the overview) and `goals/<goal-id>.md` (one page per goal), in German
/// unless another ``ReportLanguage`` is asked for.
///
/// The layout (headings, tables, lists, quotes, blank lines) lives in the templates
/// `report.md.mustache` and `goal.md.mustache`; this type gives them values. Every value is
/// Markdown already escaped (``MarkdownText``: text from the input can break nothing), so the
/// templates write them with triple braces; `labels` holds the fixed words of the language
/// (``ReportStrings``), sentences with figures in them come whole. A value that is absent is
/// `false`, so a section on it renders nothing and never finds a value of the same name further
/// out.
///
/// A pure function of a finished run: the same run gives the same bytes. The run's start time is
/// not printed, only the date of the newest comment, so two runs on the same input agree.
public enum MarkdownReportRenderer {
    /// Measures with at most this many assigned comments are listed as having little resonance.
    public static let lowResonanceLimit = 2
    /// Unassigned comments listed per goal page.
    public static let unassignedListLimit = 25
    /// Comments listed per measure and per goal's uncertain section: a page someone reads, not an
    /// export (assignments.csv lists every comment). Found necessary on 115,000 comments, whose
    /// goal pages had grown to 18 MB.
    public static let commentListLimit = 200

    /// A Mustache context: names to strings, numbers, `false`, lists and nested contexts.
    typealias Context = [String: Any]

    /// The files to write, by path relative to the output folder, in a fixed order.
    public static func render(
        _ result: RunResult, language: ReportLanguage = .de, templates: ReportTemplates
    ) -> [(path: String, content: String)] {
        let strings = ReportStrings.of(language)
        var files = [
            (path: "report.md", content: templates.overview.render(overview(result, strings: strings, language: language)))
        ]
        for goal in result.goals {
            let context = goalPage(goal, result: result, strings: strings, language: language)
            files.append((path: "goals/\(goal.id).md", content: templates.goal.render(context)))
        }
        return files
    }

    /// The fixed words both templates use, by the names they use.
    static func labels(_ strings: ReportStrings) -> [String: String] {
        [
            "at_a_glance": strings.atAGlance, "figure": strings.figure, "value": strings.value, "input": strings.input,
            "columns_used": strings.columnsUsed, "input_warnings": strings.inputWarnings,
            "since_last_run": strings.sinceLastRun, "first_run": strings.firstRun, "nothing_new": strings.nothingNew,
            "goal": strings.goal, "new_column": strings.newColumn, "changed_column": strings.changedColumn,
            "measure": strings.measure, "new_assigned_column": strings.newAssignedColumn,
            "changed_assigned_column": strings.changedAssignedColumn, "share_moves": strings.shareMoves,
            "before": strings.before, "after": strings.after, "topic_changes": strings.topicChanges,
            "goals_and_measures": strings.goalsAndMeasures, "assigned_total": strings.assignedTotal,
            "uncertain_total": strings.uncertainTotal, "unassigned_total": strings.unassignedTotal,
            "goal_details": strings.goalDetails, "comments": strings.comments, "estimate_column": strings.estimateColumn,
            "distinct_column": strings.distinctColumn, "share": strings.share, "uncertain_column": strings.uncertainColumn,
            "bar": strings.bar, "frequent_terms": strings.frequentTerms, "share_note": strings.shareNote,
            "topics_section": strings.topicsSection, "no_topics": strings.noTopics, "topic": strings.topic,
            "without_measure": strings.withoutMeasure,
            "low_resonance": strings.lowResonance, "no_low_resonance": strings.noLowResonance,
            "no_measure_fits": strings.noMeasureFits, "orphan_topics_intro": strings.orphanTopicsIntro,
            "method": strings.method, "comment_id": strings.commentID, "excerpt": strings.excerpt,
            "back_to_overview": strings.backToOverview, "typical_comments": strings.typicalComments,
            "no_typical_comments": strings.noTypicalComments, "all_assigned": strings.allAssigned,
            "confidence": strings.confidence, "evidence": strings.evidence, "uncertain_section": strings.uncertainSection,
            "no_uncertain": strings.noUncertain, "candidates": strings.candidates,
            "unassigned_section": strings.unassignedSection, "no_unassigned": strings.noUnassigned,
        ]
    }

    /// The values of `report.md.mustache`.
    static func overview(_ result: RunResult, strings: ReportStrings, language: ReportLanguage) -> Context {
        let counts = result.statusCounts
        let unassigned = counts.unassigned
        let overall = result.topics.filter { $0.goal == nil && $0.isCoherent }
        let quiet = result.goals.flatMap(\.measures).filter { $0.commentCount <= lowResonanceLimit }
        let homeless = result.commentsWithoutReportGoal.map { result.comments[$0] }
        let orphans = result.topics.filter { $0.isOrphan && $0.isCoherent }
        return [
            "labels": labels(strings),
            "framework_title": result.framework.title,
            "language": language.rawValue,
            "comments": result.commentsAnalysed,
            "goal_list": result.goals.map { ["id": $0.id, "title": $0.title, "link": "goals/\($0.id).md"] },
            "title": MarkdownText.inline(strings.reportTitle(result.framework.title)),
            "data_as_of": result.lastCommentAt.map { strings.dataAsOf(strings.date($0)) } ?? strings.noDates,
            "glance": glance(result, counts: counts, strings: strings),
            "since_last_run": result.changes.map { sinceLastRun($0, result: result, strings: strings) } ?? false,
            "goals_chart": chart(strings.goalsChartTitle, path: "charts/goals.svg"),
            "goals": result.goals.enumerated().map { number, goal in
                [
                    "number": number + 1, "heading": MarkdownText.inline(goal.title), "cell": MarkdownText.cell(goal.title),
                    "assigned": goal.assignedCount, "uncertain": goal.uncertainCount, "unassigned": goal.unassignedCount,
                    "summary": summary(goal, strings: strings), "link": "goals/\(goal.id).md",
                    "measures": measureRows(goal, strings: strings),
                    "terms": terms(goal.keywords, phrases: goal.phrases, strings: strings),
                ] as Context
            },
            "trust": trustLine(result, strings: strings) ?? false,
            "topics_intro": overall.isEmpty ? strings.noTopics : strings.topicsIntro(result.comments.count),
            "topics": overall.isEmpty
                ? false
                : [
                    "chart": chart(strings.topicsChartTitle, path: "charts/topics.svg"),
                    "rows": topicRows(overall, total: result.comments.count, strings: strings),
                ] as Context,
            "incoherent_note": incoherentNote(result.topics.filter { $0.goal == nil }, strings: strings) ?? false,
            "low_resonance_intro": quiet.isEmpty ? false : strings.lowResonanceIntro(lowResonanceLimit),
            "quiet": quiet.map { measure in
                [
                    "title": MarkdownText.inline(measure.title), "id": MarkdownText.code(measure.id),
                    "count": measure.commentCount,
                    "estimate": measure.estimate == nil ? false : estimateCell(measure.estimate, strings: strings),
                ] as Context
            },
            "unassigned_intro": strings.noMeasureFitsIntro(unassigned),
            "without_goal": homeless.isEmpty
                ? false
                : [
                    "intro": strings.noMeasureWithoutGoal(homeless.count),
                    "table": unassignedTable(homeless, strings: strings),
                ] as Context,
            "orphans": orphans.isEmpty
                ? false
                : [
                    "items": orphans.map { topic in
                        [
                            "label": MarkdownText.inline(topic.label), "id": MarkdownText.code(topic.id),
                            "figures": strings.orphanFigures(topic.size, topic.unassignedCount),
                            "quote": topic.representativeComments.first.map {
                                " — " + strings.quoted(MarkdownText.cell($0.text, limit: 120))
                            } ?? "",
                        ] as Context
                    }
                ] as Context,
            "method_text": strings.methodText(
                strings.decimal(result.method.assignAt, 2),
                strings.decimal(result.method.reviewFloor, 2),
                result.method.confidenceCorpora.joined(separator: ", "),
                result.method.reviewedComments),
            "input": input(result, strings: strings),
        ]
    }

    /// "Auf einen Blick": label and value per row.
    static func glance(
        _ result: RunResult, counts: (assigned: Int, uncertain: Int, unassigned: Int), strings: ReportStrings
    ) -> [Context] {
        let analysed = max(result.commentsAnalysed, 1)
        func withShare(_ count: Int) -> String { "\(count) (\(strings.percent(Double(count) / Double(analysed))))" }
        var rows: [(String, String)] = [
            (strings.analysed, "\(result.commentsAnalysed)"),
            (strings.participants, "\(result.distinctAuthors)"),
        ]
        if let first = result.firstCommentAt, let last = result.lastCommentAt {
            rows.append((strings.period, "\(strings.date(first)) – \(strings.date(last))"))
        }
        rows += [
            (strings.assignedTotal, withShare(counts.assigned)),
            (strings.uncertainTotal, withShare(counts.uncertain)),
            (strings.unassignedTotal, withShare(counts.unassigned)),
        ]
        if result.commentsWithoutGoal > 0 { rows.append((strings.withoutGoal, "\(result.commentsWithoutGoal)")) }
        rows.append((strings.distinctContributions, "\(result.distinctContributions)"))
        if result.exactDuplicates > 0 { rows.append((strings.exactDuplicates, "\(result.exactDuplicates)")) }
        if result.campaignGroups > 0 {
            rows.append((strings.campaignRow, strings.campaigns(result.campaignComments, result.campaignGroups)))
        }
        return rows.map { ["label": $0.0, "value": $0.1] }
    }

    /// "Eingabe": what this run read, which column gave which field, and the input warnings
    /// counted per kind with their first places and values.
    static func input(_ result: RunResult, strings: ReportStrings) -> Context {
        let files = Set(result.manifest.inputFiles.map(\.path)).count
        let withdrawn = result.withdrawnComments ?? 0
        var context: Context = [
            "withdrawn_comments": withdrawn > 0 ? strings.withdrawnComments(withdrawn) : false,
            "withdrawn_rows": false, "columns": false, "warnings": false,
        ]
        guard result.rowsRead > 0 || files > 0 else {
            context["summary"] = strings.noInput
            return context
        }
        context["summary"] = strings.inputSummary(
            result.rowsRead, files, result.commentsAccepted, result.supersededRows ?? 0, result.commentsRejected)
        if let rows = result.withdrawnRows, rows > 0 { context["withdrawn_rows"] = strings.withdrawnRows(rows) }
        let uses = (result.columns ?? []).map { use in
            let order = ["id", "title", "text", "goal", "created_at", "author", "parent_id", "labels"]
            let taken = order.compactMap { field in use.fields[field].map { "\(field) ← " + MarkdownText.code($0) } }
            return [
                "file": MarkdownText.code(use.file), "taken": taken.joined(separator: ", "),
                "unused": use.unused.isEmpty
                    ? "" : "; \(strings.notUsed): " + use.unused.map(MarkdownText.code).joined(separator: ", "),
            ] as Context
        }
        if !uses.isEmpty { context["columns"] = ["items": uses] }
        let warnings = (result.warningSummary ?? []).map { summary in
            [
                "count": summary.count, "kind": MarkdownText.inline(strings.warningKind(summary.kind.rawValue)),
                "places": summary.examples.map { warning in
                    MarkdownText.code(warning.source.description)
                        + (warning.value.map { " (" + MarkdownText.code($0) + ")" } ?? "")
                }.joined(separator: ", ") + (summary.count > summary.examples.count ? ", …" : ""),
            ] as Context
        }
        if !warnings.isEmpty { context["warnings"] = ["items": warnings] }
        return context
    }

    /// One row per measure of the goal: count, estimate, distinct, share, uncertain and a bar of
    /// up to 20 blocks scaled to the goal's largest count.
    static func measureRows(_ goal: GoalResult, strings: ReportStrings) -> [Context] {
        let largest = max(goal.measures.map(\.commentCount).max() ?? 0, 1)
        return goal.measures.map { measure in
            [
                "cell": MarkdownText.cell(measure.title), "count": measure.commentCount,
                "estimate": estimateCell(measure.estimate, strings: strings), "distinct": measure.distinctCount,
                "share": strings.percent(goal.share(of: measure)), "uncertain": measure.uncertainCount,
                "bar": String(repeating: "█", count: Int((Double(measure.commentCount) / Double(largest) * 20).rounded())),
            ]
        }
    }

    /// `12 (8–19)`, rounded to whole comments; `–` without an estimate.
    static func estimateCell(_ estimate: CountEstimate?, strings: ReportStrings) -> String {
        guard let estimate else { return "–" }
        func whole(_ value: Double) -> String { String(Int(value.rounded())) }
        return strings.estimateCell(
            whole(estimate.value), whole(estimate.lower.rounded(.down)), whole(estimate.upper.rounded(.up)),
            estimate.basis == .audit)
    }

    /// The overview's line on how far the counts can be trusted.
    static func trustLine(_ result: RunResult, strings: ReportStrings) -> String? {
        let estimates = result.goals.flatMap(\.measures).compactMap(\.estimate)
        guard let first = estimates.first else { return nil }
        if first.basis == .audit {
            return strings.trustAudit(first.auditedComments, result.method.auditSize ?? first.auditedComments)
        }
        return strings.trustModel(
            result.method.countMedianError.map { strings.percent($0) }, strings.percent(result.method.agreementRate ?? 0))
    }

    /// "Neu seit dem letzten Lauf": new and changed comments per goal and per measure, the largest
    /// moves of shares and the topics' events. New and changed comments apart: a changed comment
    /// was counted before, a new one was not.
    static func sinceLastRun(_ changes: ChangeReport, result: RunResult, strings: ReportStrings) -> Context {
        guard let baseline = changes.baselineStartedAt else { return ["first_run": true, "compared": false] }
        var compared: Context = [
            "line": strings.sinceRun(strings.date(baseline), changes.newComments, changes.changedComments),
            "nothing_new": changes.newComments + changes.changedComments == 0,
        ]
        let goalTitles = Dictionary(uniqueKeysWithValues: result.framework.goals.map { ($0.id, $0.title) })
        let measureTitles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        func row(_ title: String, _ item: ChangeReport.Count) -> Context {
            let new = item.new ?? item.count
            return ["cell": MarkdownText.cell(title), "new": new, "changed": item.count - new]
        }
        compared["goal_rows"] =
            changes.perGoal.map { row(goalTitles[$0.id] ?? $0.id, $0) }
            + (changes.withoutGoal.map { [row(strings.withoutGoal, $0)] } ?? [])
        compared["measure_rows"] =
            changes.perMeasure.isEmpty ? false : ["rows": changes.perMeasure.map { row(measureTitles[$0.id] ?? $0.id, $0) }]
        compared["share_moves"] =
            changes.shareMoves.isEmpty
            ? false
            : [
                "rows": changes.shareMoves.map { move in
                    [
                        "cell": MarkdownText.cell(measureTitles[move.measureID] ?? move.measureID),
                        "before": strings.percent(move.before), "after": strings.percent(move.after),
                    ]
                }
            ]
        let labels = Dictionary(result.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        compared["topic_events"] =
            result.topicEvents.isEmpty
            ? false
            : [
                "events": result.topicEvents.map { event in
                    let label = (labels[event.topic] ?? labels[event.other ?? ""]).map(MarkdownText.inline)
                    return strings.topicEvent(
                        event.kind.rawValue, MarkdownText.code(event.topic), event.other.map(MarkdownText.code), label)
                }
            ]
        return ["first_run": false, "compared": compared]
    }

    /// The measure's trend (``MeasureResult/trend``, computed by the run) and how many of its
    /// comments are new since the last run; nil when no comment carries a date.
    static func trendLine(_ measure: MeasureResult, result: RunResult, strings: ReportStrings) -> String? {
        guard let trend = measure.trend, let firstWeek = trend.weekStarts.first else { return nil }
        let start = strings.date(MeasureTrend.isoDate(firstWeek))
        var line = strings.trend(start, trend.sparkline, trend.counts.map(String.init).joined(separator: ", "))
        if let changes = result.changes, changes.baselineStartedAt != nil {
            line += strings.newSinceLastRun(changes.perMeasure.first { $0.id == measure.id }?.count ?? 0)
        }
        return line
    }

    /// An embedded chart; its figures are in the table that follows it.
    static func chart(_ title: String, path: String) -> String {
        "![\(MarkdownText.inline(title))](\(path))"
    }

    static func summary(_ goal: GoalResult, strings: ReportStrings) -> String {
        strings.goalSummary(goal.commentCount, goal.routedCount, goal.assignedCount, goal.uncertainCount, goal.unassignedCount)
    }

    /// Id and excerpt of unassigned comments, at most ``unassignedListLimit`` of them, and the
    /// line that says so when there are more.
    static func unassignedTable(_ comments: [CommentResult], strings: ReportStrings) -> Context {
        [
            "listed_first": comments.count > unassignedListLimit
                ? strings.listedFirst(unassignedListLimit, comments.count) : false,
            "rows": comments.prefix(unassignedListLimit).map { comment in
                ["id": MarkdownText.code(comment.id), "excerpt": MarkdownText.cell(comment.text)]
            },
        ]
    }

    /// One line for the clusters below the coherence floor (``TopicResult/isCoherent``): how many
    /// and how many comments, not shown as topics; nil when every cluster is coherent.
    static func incoherentNote(_ topics: [TopicResult], strings: ReportStrings) -> String? {
        let loose = topics.filter { !$0.isCoherent }
        guard !loose.isEmpty else { return nil }
        return strings.incoherentTopics(loose.count, loose.map(\.size).reduce(0, +))
    }

    /// Topics as table rows: label and id, size, share of `total`, comments fitting no measure,
    /// the significant phrases and keywords; and each topic's quotes for the goal pages.
    static func topicRows(_ topics: [TopicResult], total: Int, strings: ReportStrings) -> [Context] {
        topics.map { topic in
            let words = (topic.phrases.filter(\.isSignificant).map(\.display) + topic.keywords.map(\.display))
                .map(MarkdownText.inline).joined(separator: ", ")
            return [
                "cell": MarkdownText.cell(topic.label), "heading": MarkdownText.inline(topic.label),
                "id": MarkdownText.code(topic.id), "size": topic.size,
                "share": strings.percent(total > 0 ? Double(topic.size) / Double(total) : 0),
                "unassigned": topic.unassignedCount, "words": MarkdownText.cell(words),
                "quotes": topic.representativeComments.map { quote in
                    [
                        "text": MarkdownText.quote(quote.text),
                        "reference": strings.topicQuoteReference(MarkdownText.code(quote.commentID)),
                    ]
                },
            ]
        }
    }

    /// The significant phrases first (they say more than single words), then the keywords.
    static func terms(_ keywords: [Keyword], phrases: [Keyword] = [], strings: ReportStrings) -> String {
        let all = phrases.filter(\.isSignificant) + keywords
        return all.isEmpty ? strings.noTerms : all.map { MarkdownText.inline($0.display) }.joined(separator: ", ")
    }

    /// The values of `goal.md.mustache`.
    static func goalPage(
        _ goal: GoalResult, result: RunResult, strings: ReportStrings, language: ReportLanguage
    ) -> Context {
        let titles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        let coherent = goal.topics.filter(\.isCoherent)
        let uncertain = (goal.uncertainComments ?? []).map { result.comments[$0] }
        let unassigned = (goal.unassignedComments ?? []).map { result.comments[$0] }
        let description = result.framework.goal(goal.id)?.description ?? ""
        return [
            "labels": labels(strings),
            "framework_title": result.framework.title,
            "language": language.rawValue,
            "goal_id": goal.id,
            "goal_title": goal.title,
            "title": MarkdownText.inline(strings.goalPageTitle(goal.title)),
            "description": description.isEmpty ? false : MarkdownText.quote(description),
            "summary": summary(goal, strings: strings),
            "chart": chart(strings.measuresChartTitle(goal.title), path: "../charts/goals/\(goal.id).svg"),
            "measure_rows": measureRows(goal, strings: strings),
            "terms": terms(goal.keywords, phrases: goal.phrases, strings: strings),
            "measures": goal.measures.map { measure in
                [
                    "heading": MarkdownText.inline(measure.title),
                    "figures": MarkdownText.code(measure.id) + ": "
                        + strings.measureFigures(
                            measure.commentCount, strings.percent(goal.share(of: measure)), measure.uncertainCount),
                    "trend": trendLine(measure, result: result, strings: strings) ?? false,
                    "measure_terms": terms(measure.keywords, phrases: measure.phrases, strings: strings),
                    "quotes": measure.representativeComments.map { quote in
                        [
                            "text": MarkdownText.quote(quote.text),
                            "reference": strings.commentReference(
                                MarkdownText.code(quote.commentID), strings.decimal(quote.confidence, 2)),
                        ]
                    },
                    "assigned": assignedTable(
                        measure.id, order: measure.assignedComments ?? [], comments: result.comments, strings: strings)
                        ?? false,
                ] as Context
            },
            "topics": coherent.isEmpty ? false : ["rows": topicRows(coherent, total: goal.commentCount, strings: strings)],
            "incoherent_note": incoherentNote(goal.topics, strings: strings) ?? false,
            "uncertain": uncertain.isEmpty
                ? false
                : [
                    "listed_first": uncertain.count > commentListLimit
                        ? strings.listedFirstOfAll(commentListLimit, uncertain.count) : false,
                    "rows": uncertain.prefix(commentListLimit).map { comment in
                        [
                            "id": MarkdownText.code(comment.id),
                            "candidates": comment.assignments.map {
                                MarkdownText.cell(titles[$0.measureID] ?? $0.measureID, limit: 60) + " ("
                                    + strings.decimal($0.confidence, 2) + ")"
                            }.joined(separator: "; "),
                            "excerpt": MarkdownText.cell(comment.text),
                        ]
                    },
                ] as Context,
            "unassigned": unassigned.isEmpty ? false : unassignedTable(unassigned, strings: strings),
        ]
    }

    /// The comments assigned to `measureID` in the order the run gave them
    /// (``MeasureResult/assignedComments``, most confident first) with their evidence: at most
    /// ``commentListLimit`` of them, and the line that says so when there are more; nil when none.
    static func assignedTable(_ measureID: String, order: [Int], comments: [CommentResult], strings: ReportStrings) -> Context? {
        let rows = order.compactMap { index -> (comment: CommentResult, assignment: MeasureAssignment)? in
            guard let match = comments[index].assignments.first(where: { $0.measureID == measureID }) else { return nil }
            return (comments[index], match)
        }
        guard !rows.isEmpty else { return nil }
        return [
            "count": rows.count,
            "listed_first": rows.count > commentListLimit ? strings.listedFirstOfAll(commentListLimit, rows.count) : false,
            "rows": rows.prefix(commentListLimit).map { comment, assignment in
                [
                    "id": MarkdownText.code(comment.id),
                    "confidence": assignment.source == .review
                        ? strings.reviewedMark : strings.decimal(assignment.confidence, 2),
                    "evidence": MarkdownText.cell(
                        assignment.evidence.map { item in
                            item.term + " → " + (item.origin == .expansion ? strings.learnt : item.measureTerm)
                        }.joined(separator: ", "), limit: 120),
                    "excerpt": MarkdownText.cell(comment.text),
                ]
            },
        ]
    }
}
