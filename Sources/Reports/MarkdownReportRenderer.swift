import Analytics
import Corpus

/// Renders `report.md` (the overview) and `goals/<goal-id>.md` (one page per goal), in German
/// unless another ``ReportLanguage`` is asked for.
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

    /// The files to write, by path relative to the output folder, in a fixed order.
    public static func render(
        _ result: RunResult, language: ReportLanguage = .de, templates: ReportTemplates
    ) -> [(path: String, content: String)] {
        let strings = ReportStrings.of(language)
        var files = [(path: "report.md", content: overview(result, strings: strings, templates: templates, language: language))]
        for goal in result.goals {
            files.append(
                (
                    path: "goals/\(goal.id).md",
                    content: goalPage(goal, result: result, strings: strings, templates: templates, language: language)
                ))
        }
        return files
    }

    /// report.md: the overview's blocks laid out by `report.md.mustache`.
    static func overview(
        _ result: RunResult, strings: ReportStrings, templates: ReportTemplates, language: ReportLanguage
    ) -> String {
        var context: [String: Any] = overviewBlocks(result, strings: strings)
        context["framework_title"] = result.framework.title
        context["language"] = language.rawValue
        context["comments"] = result.commentsAnalysed
        context["goal_list"] = result.goals.map { ["id": $0.id, "title": $0.title, "link": "goals/\($0.id).md"] }
        return templates.overview.render(context)
    }

    /// goals/<id>.md: the goal's blocks laid out by `goal.md.mustache`.
    static func goalPage(
        _ goal: GoalResult, result: RunResult, strings: ReportStrings, templates: ReportTemplates, language: ReportLanguage
    ) -> String {
        let built = goalBlocks(goal, result: result, strings: strings)
        var context: [String: Any] = built.blocks
        context["measures"] = built.measures
        context["framework_title"] = result.framework.title
        context["language"] = language.rawValue
        context["goal_id"] = goal.id
        context["goal_title"] = goal.title
        return templates.goal.render(context)
    }

    /// The overview's blocks, by the names `report.md.mustache` uses.
    static func overviewBlocks(_ result: RunResult, strings: ReportStrings) -> [String: String] {
        var blocks: [String: String] = [:]
        var lines: [String] = []
        /// Ends a block: what `lines` holds becomes `name`, without its trailing blank lines.
        func close(_ name: String) {
            while lines.last == "" { lines.removeLast() }
            blocks[name] = lines.joined(separator: "\n")
            lines = []
        }
        lines.append("# " + MarkdownText.inline(strings.reportTitle(result.framework.title)))
        lines.append("")
        lines.append(result.lastCommentAt.map { strings.dataAsOf(strings.date($0)) } ?? strings.noDates)
        close("header")
        lines.append("## " + strings.atAGlance)
        lines.append("")
        let statuses = result.comments.map(\.status)
        let assigned = statuses.filter { $0 == .assigned }.count
        let uncertain = statuses.filter { $0 == .uncertain }.count
        let unassigned = statuses.filter { $0 == .unassigned }.count
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
            (strings.assignedTotal, withShare(assigned)),
            (strings.uncertainTotal, withShare(uncertain)),
            (strings.unassignedTotal, withShare(unassigned)),
        ]
        if result.commentsWithoutGoal > 0 { rows.append((strings.withoutGoal, "\(result.commentsWithoutGoal)")) }
        rows.append((strings.distinctContributions, "\(result.distinctContributions)"))
        if result.exactDuplicates > 0 { rows.append((strings.exactDuplicates, "\(result.exactDuplicates)")) }
        if result.campaignGroups > 0 {
            rows.append((strings.campaignRow, strings.campaigns(result.campaignComments, result.campaignGroups)))
        }
        lines.append("| \(strings.figure) | \(strings.value) |")
        lines.append("|---|---:|")
        for (label, value) in rows { lines.append("| \(label) | \(value) |") }
        close("at_a_glance")
        lines.append(contentsOf: inputBlock(result, strings: strings))
        close("input")
        if let changes = result.changes {
            lines.append(contentsOf: sinceLastRun(changes, result: result, strings: strings))
            close("since_last_run")
        }
        lines.append("## " + strings.goalsAndMeasures)
        lines.append("")
        lines.append(chart(strings.goalsChartTitle, path: "charts/goals.svg"))
        lines.append("")
        lines.append("| \(strings.goal) | \(strings.assignedTotal) | \(strings.uncertainTotal) | \(strings.unassignedTotal) |")
        lines.append("|---|---:|---:|---:|")
        for goal in result.goals {
            lines.append(
                "| \(MarkdownText.cell(goal.title)) | \(goal.assignedCount) | \(goal.uncertainCount) | \(goal.unassignedCount) |")
        }
        for (number, goal) in result.goals.enumerated() {
            lines.append("")
            lines.append("### \(number + 1). " + MarkdownText.inline(goal.title))
            lines.append("")
            lines.append(summary(goal, strings: strings) + " [\(strings.goalDetails)](goals/\(goal.id).md)")
            lines.append("")
            lines.append(measureTable(goal, strings: strings))
            lines.append("")
            lines.append("\(strings.frequentTerms): " + terms(goal.keywords, phrases: goal.phrases, strings: strings))
        }
        lines.append("")
        lines.append(strings.shareNote)
        if let trust = trustLine(result, strings: strings) {
            lines.append("")
            lines.append(trust)
        }
        close("goals")
        lines.append("## " + strings.topicsSection)
        lines.append("")
        let overall = result.topics.filter { $0.goal == nil && $0.isCoherent }
        lines.append(overall.isEmpty ? strings.noTopics : strings.topicsIntro(result.comments.count))
        if !overall.isEmpty {
            lines.append("")
            lines.append(chart(strings.topicsChartTitle, path: "charts/topics.svg"))
            lines.append("")
            lines.append(topicTable(overall, total: result.comments.count, strings: strings))
        }
        if let note = incoherentNote(result.topics.filter { $0.goal == nil }, strings: strings) { lines += ["", note] }
        close("topics")
        lines.append("## " + strings.lowResonance)
        lines.append("")
        let quiet = result.goals.flatMap(\.measures).filter { $0.commentCount <= lowResonanceLimit }
        if quiet.isEmpty {
            lines.append(strings.noLowResonance)
        } else {
            lines.append(strings.lowResonanceIntro(lowResonanceLimit))
            lines.append("")
            for measure in quiet {
                lines.append(
                    "- " + MarkdownText.inline(measure.title) + " (" + MarkdownText.code(measure.id)
                        + "): \(measure.commentCount)"
                        + (measure.estimate == nil ? "" : ", " + estimateCell(measure.estimate, strings: strings)))
            }
        }
        close("low_resonance")
        lines.append("## " + strings.noMeasureFits)
        lines.append("")
        lines.append(strings.noMeasureFitsIntro(unassigned))
        let homeless = result.comments.filter { $0.reportGoal == nil }
        if !homeless.isEmpty {
            lines.append("")
            lines.append(strings.noMeasureWithoutGoal(homeless.count))
            lines.append("")
            lines.append(unassignedTable(homeless, strings: strings))
        }
        let orphans = result.topics.filter { $0.isOrphan && $0.isCoherent }
        if !orphans.isEmpty {
            lines.append("")
            lines.append(strings.orphanTopicsIntro)
            lines.append("")
            for topic in orphans {
                let quote =
                    topic.representativeComments.first.map { " — " + strings.quoted(MarkdownText.cell($0.text, limit: 120)) }
                    ?? ""
                lines.append(
                    "- **" + MarkdownText.inline(topic.label) + "** (" + MarkdownText.code(topic.id) + "): "
                        + strings.orphanFigures(topic.size, topic.unassignedCount) + quote)
            }
        }
        close("unassigned")
        lines.append("## " + strings.method)
        lines.append("")
        lines.append(
            strings.methodText(
                strings.decimal(result.method.assignAt, 2),
                strings.decimal(result.method.reviewFloor, 2),
                // The corpus ids only ("ottensen (697 comments)" → "ottensen"): the counts are English.
                result.method.confidenceFittedOn.map { $0.components(separatedBy: " (")[0] }.joined(separator: ", "),
                result.method.reviewedComments))
        close("method")
        return blocks
    }

    /// "Eingabe": what this run read, which column gave which field, and the input warnings
    /// counted per kind with their first places and values.
    static func inputBlock(_ result: RunResult, strings: ReportStrings) -> [String] {
        var lines = ["## " + strings.input, ""]
        let files = Set(result.manifest.inputFiles.map(\.path)).count
        let withdrawn = result.withdrawnComments ?? 0
        let withdrawnLine = withdrawn > 0 ? ["", strings.withdrawnComments(withdrawn)] : []
        guard result.rowsRead > 0 || files > 0 else { return lines + [strings.noInput] + withdrawnLine }
        lines.append(
            strings.inputSummary(
                result.rowsRead, files, result.commentsAccepted, result.supersededRows ?? 0, result.commentsRejected))
        if let rows = result.withdrawnRows, rows > 0 { lines += ["", strings.withdrawnRows(rows)] }
        let uses = result.columns ?? []
        if !uses.isEmpty {
            lines.append("")
            lines.append(strings.columnsUsed + ":")
            lines.append("")
            for use in uses {
                let order = ["id", "title", "text", "goal", "created_at", "author", "parent_id", "labels"]
                let taken = order.compactMap { field in use.fields[field].map { "\(field) ← " + MarkdownText.code($0) } }
                let unused =
                    use.unused.isEmpty ? "" : "; \(strings.notUsed): " + use.unused.map(MarkdownText.code).joined(separator: ", ")
                // The period ends the item on a character of ours: Ink reads an escaped backslash at
                // the end of a line as a hard break and runs the next block into the list.
                lines.append("- " + MarkdownText.code(use.file) + ": " + taken.joined(separator: ", ") + unused + ".")
            }
        }
        let summaries = result.warningSummary ?? []
        if !summaries.isEmpty {
            lines.append("")
            lines.append(strings.inputWarnings + ":")
            lines.append("")
            for summary in summaries {
                let places = summary.examples.map { warning in
                    MarkdownText.code(warning.source.description)
                        + (warning.value.map { " (" + MarkdownText.code($0) + ")" } ?? "")
                }.joined(separator: ", ")
                lines.append(
                    "- \(summary.count) × " + MarkdownText.inline(strings.warningKind(summary.kind.rawValue)) + ": " + places
                        + (summary.count > summary.examples.count ? ", …" : ""))
            }
        }
        return lines + withdrawnLine
    }

    static func measureTable(_ goal: GoalResult, strings: ReportStrings) -> String {
        var lines = [
            "| \(strings.measure) | \(strings.comments) | \(strings.estimateColumn) | \(strings.distinctColumn) | \(strings.share) "
                + "| \(strings.uncertainColumn) | \(strings.bar) |"
        ]
        lines.append("|---|---:|---:|---:|---:|---:|---|")
        let largest = max(goal.measures.map(\.commentCount).max() ?? 0, 1)
        for measure in goal.measures {
            let share = goal.share(of: measure)
            let bar = String(repeating: "█", count: Int((Double(measure.commentCount) / Double(largest) * 20).rounded()))
            lines.append(
                "| \(MarkdownText.cell(measure.title)) | \(measure.commentCount) | \(estimateCell(measure.estimate, strings: strings)) "
                    + "| \(measure.distinctCount) | \(strings.percent(share)) | \(measure.uncertainCount) | \(bar) |")
        }
        return lines.joined(separator: "\n")
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

    static func sinceLastRun(_ changes: ChangeReport, result: RunResult, strings: ReportStrings) -> [String] {
        var lines = ["## " + strings.sinceLastRun, ""]
        guard let baseline = changes.baselineStartedAt else {
            return lines + [strings.firstRun, ""]
        }
        lines.append(strings.sinceRun(strings.date(baseline), changes.newComments, changes.changedComments))
        lines.append("")
        guard changes.newComments + changes.changedComments > 0 else {
            return lines + [strings.nothingNew, ""]
        }
        let goalTitles = Dictionary(uniqueKeysWithValues: result.framework.goals.map { ($0.id, $0.title) })
        let measureTitles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        // New and changed comments apart: a changed comment was counted before, a new one was not.
        func row(_ title: String, _ item: ChangeReport.Count) -> String {
            let new = item.new ?? item.count
            return "| \(MarkdownText.cell(title)) | \(new) | \(item.count - new) |"
        }
        let goalRows =
            changes.perGoal.map { row(goalTitles[$0.id] ?? $0.id, $0) }
            + (changes.withoutGoal.map { [row(strings.withoutGoal, $0)] } ?? [])
        if !goalRows.isEmpty {
            lines.append("| \(strings.goal) | \(strings.newColumn) | \(strings.changedColumn) |")
            lines.append("|---|---:|---:|")
            lines.append(contentsOf: goalRows)
            lines.append("")
        }
        if !changes.perMeasure.isEmpty {
            lines.append("| \(strings.measure) | \(strings.newAssignedColumn) | \(strings.changedAssignedColumn) |")
            lines.append("|---|---:|---:|")
            for item in changes.perMeasure { lines.append(row(measureTitles[item.id] ?? item.id, item)) }
            lines.append("")
        }
        if !changes.shareMoves.isEmpty {
            lines.append("\(strings.shareMoves):")
            lines.append("")
            lines.append("| \(strings.measure) | \(strings.before) | \(strings.after) |")
            lines.append("|---|---:|---:|")
            for move in changes.shareMoves {
                lines.append(
                    "| \(MarkdownText.cell(measureTitles[move.measureID] ?? move.measureID)) | \(strings.percent(move.before)) "
                        + "| \(strings.percent(move.after)) |")
            }
            lines.append("")
        }
        if !result.topicEvents.isEmpty {
            let labels = Dictionary(result.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
            lines.append("**\(strings.topicChanges)**")
            lines.append("")
            for event in result.topicEvents {
                let label = (labels[event.topic] ?? labels[event.other ?? ""]).map(MarkdownText.inline)
                lines.append(
                    "- "
                        + strings.topicEvent(
                            event.kind.rawValue, MarkdownText.code(event.topic), event.other.map(MarkdownText.code), label))
            }
            lines.append("")
        }
        return lines
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

    /// Id and excerpt of unassigned comments, at most ``unassignedListLimit`` of them.
    static func unassignedTable(_ comments: [CommentResult], strings: ReportStrings) -> String {
        var lines: [String] = []
        if comments.count > unassignedListLimit {
            lines.append(strings.listedFirst(unassignedListLimit, comments.count))
            lines.append("")
        }
        lines.append("| \(strings.commentID) | \(strings.excerpt) |")
        lines.append("|---|---|")
        for comment in comments.prefix(unassignedListLimit) {
            lines.append("| \(MarkdownText.code(comment.id)) | \(MarkdownText.cell(comment.text)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// One line for the clusters below the coherence floor (``TopicResult/isCoherent``): how many
    /// and how many comments, not shown as topics; nil when every cluster is coherent.
    static func incoherentNote(_ topics: [TopicResult], strings: ReportStrings) -> String? {
        let loose = topics.filter { !$0.isCoherent }
        guard !loose.isEmpty else { return nil }
        return strings.incoherentTopics(loose.count, loose.map(\.size).reduce(0, +))
    }

    /// Topics as a table: label, size, share of `total`, comments fitting no measure, keywords.
    static func topicTable(_ topics: [TopicResult], total: Int, strings: ReportStrings) -> String {
        var lines = [
            "| \(strings.topic) | \(strings.comments) | \(strings.share) | \(strings.withoutMeasure) | \(strings.frequentTerms) |",
            "|---|---:|---:|---:|---|",
        ]
        for topic in topics {
            let share = total > 0 ? Double(topic.size) / Double(total) : 0
            let words = (topic.phrases.filter(\.isSignificant).map(\.display) + topic.keywords.map(\.display))
                .map(MarkdownText.inline).joined(separator: ", ")
            lines.append(
                "| \(MarkdownText.cell(topic.label)) (\(MarkdownText.code(topic.id))) | \(topic.size) | \(strings.percent(share)) | "
                    + "\(topic.unassignedCount) | \(MarkdownText.cell(words)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The significant phrases first (they say more than single words), then the keywords.
    static func terms(_ keywords: [Keyword], phrases: [Keyword] = [], strings: ReportStrings) -> String {
        let all = phrases.filter(\.isSignificant) + keywords
        return all.isEmpty ? strings.noTerms : all.map { MarkdownText.inline($0.display) }.joined(separator: ", ")
    }

    /// A goal page's blocks, by the names `goal.md.mustache` uses; `measures` holds one block per
    /// measure.
    static func goalBlocks(
        _ goal: GoalResult, result: RunResult, strings: ReportStrings
    ) -> (blocks: [String: String], measures: [String]) {
        var blocks: [String: String] = [:]
        var measureBlocks: [String] = []
        var lines: [String] = []
        func take() -> String {
            while lines.last == "" { lines.removeLast() }
            while lines.first == "" { lines.removeFirst() }
            defer { lines = [] }
            return lines.joined(separator: "\n")
        }
        lines.append("# " + MarkdownText.inline(strings.goalPageTitle(goal.title)))
        lines.append("")
        lines.append("[\(strings.backToOverview)](../report.md)")
        if let description = result.framework.goal(goal.id)?.description, !description.isEmpty {
            lines.append("")
            lines.append(MarkdownText.quote(description))
        }
        blocks["header"] = take()
        lines.append(summary(goal, strings: strings))
        lines.append("")
        lines.append(chart(strings.measuresChartTitle(goal.title), path: "../charts/goals/\(goal.id).svg"))
        lines.append("")
        lines.append(measureTable(goal, strings: strings))
        lines.append("")
        lines.append("\(strings.frequentTerms): " + terms(goal.keywords, phrases: goal.phrases, strings: strings))
        blocks["summary"] = take()
        for measure in goal.measures {
            lines.append("## " + MarkdownText.inline(measure.title))
            lines.append("")
            lines.append(
                MarkdownText.code(measure.id) + ": "
                    + strings.measureFigures(
                        measure.commentCount, strings.percent(goal.share(of: measure)), measure.uncertainCount))
            if let trend = trendLine(measure, result: result, strings: strings) {
                lines.append("")
                lines.append(trend)
            }
            lines.append("")
            lines.append("\(strings.frequentTerms): " + terms(measure.keywords, phrases: measure.phrases, strings: strings))
            lines.append("")
            lines.append("**\(strings.typicalComments)**")
            lines.append("")
            if measure.representativeComments.isEmpty {
                lines.append(strings.noTypicalComments)
            }
            for quote in measure.representativeComments {
                lines.append(MarkdownText.quote(quote.text))
                lines.append(">")
                lines.append(
                    "> — " + strings.commentReference(MarkdownText.code(quote.commentID), strings.decimal(quote.confidence, 2)))
                lines.append("")
            }
            lines.append(
                assignedTable(measure.id, order: measure.assignedComments ?? [], comments: result.comments, strings: strings))
            measureBlocks.append(take())
        }
        lines.append("## " + strings.topicsSection)
        lines.append("")
        let coherent = goal.topics.filter(\.isCoherent)
        if coherent.isEmpty {
            lines.append(strings.noTopics)
        } else {
            lines.append(topicTable(coherent, total: goal.commentCount, strings: strings))
            for topic in coherent {
                lines.append("")
                lines.append("### " + MarkdownText.inline(topic.label) + " (" + MarkdownText.code(topic.id) + ")")
                for quote in topic.representativeComments {
                    lines.append("")
                    lines.append(MarkdownText.quote(quote.text))
                    lines.append(">")
                    lines.append("> — " + strings.topicQuoteReference(MarkdownText.code(quote.commentID)))
                }
            }
        }
        if let note = incoherentNote(goal.topics, strings: strings) { lines += ["", note] }
        blocks["topics"] = take()
        let titles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        let posted = result.comments.filter { $0.reportGoal == goal.id }
        lines.append("## " + strings.uncertainSection)
        lines.append("")
        let uncertain = posted.filter { $0.status == .uncertain }
        if uncertain.isEmpty {
            lines.append(strings.noUncertain)
        } else {
            if uncertain.count > commentListLimit {
                lines.append(strings.listedFirstOfAll(commentListLimit, uncertain.count))
                lines.append("")
            }
            lines.append("| \(strings.commentID) | \(strings.candidates) | \(strings.excerpt) |")
            lines.append("|---|---|---|")
            for comment in uncertain.prefix(commentListLimit) {
                let candidates = comment.assignments.map {
                    MarkdownText.cell(titles[$0.measureID] ?? $0.measureID, limit: 60) + " ("
                        + strings.decimal($0.confidence, 2) + ")"
                }.joined(separator: "; ")
                lines.append("| \(MarkdownText.code(comment.id)) | \(candidates) | \(MarkdownText.cell(comment.text)) |")
            }
        }
        blocks["uncertain"] = take()
        lines.append("## " + strings.unassignedSection)
        lines.append("")
        let unassigned = posted.filter { $0.status == .unassigned }
        lines.append(unassigned.isEmpty ? strings.noUnassigned : unassignedTable(unassigned, strings: strings))
        blocks["unassigned"] = take()
        return (blocks, measureBlocks)
    }

    /// The comments assigned to `measureID`, most confident first, with their evidence: at most
    /// ``commentListLimit`` of them.
    /// The measure's assigned comments in the order the run gave them (``MeasureResult/assignedComments``).
    static func assignedTable(_ measureID: String, order: [Int], comments: [CommentResult], strings: ReportStrings) -> String {
        let rows = order.compactMap { index -> (comment: CommentResult, assignment: MeasureAssignment)? in
            guard let match = comments[index].assignments.first(where: { $0.measureID == measureID }) else { return nil }
            return (comments[index], match)
        }
        guard !rows.isEmpty else { return "" }
        var lines = [
            "<details><summary>\(strings.allAssigned) (\(rows.count))</summary>", "",
            "| \(strings.commentID) | \(strings.confidence) | \(strings.evidence) | \(strings.excerpt) |",
        ]
        if rows.count > commentListLimit {
            lines.insert(contentsOf: [strings.listedFirstOfAll(commentListLimit, rows.count), ""], at: 2)
        }
        lines.append("|---|---:|---|---|")
        for (comment, assignment) in rows.prefix(commentListLimit) {
            let confidence =
                assignment.source == .review
                ? strings.reviewedMark : strings.decimal(assignment.confidence, 2)
            let evidence = assignment.evidence.map { item in
                item.term + " → " + (item.origin == .expansion ? strings.learnt : item.measureTerm)
            }.joined(separator: ", ")
            lines.append(
                "| \(MarkdownText.code(comment.id)) | \(confidence) | \(MarkdownText.cell(evidence, limit: 120)) | \(MarkdownText.cell(comment.text)) |"
            )
        }
        lines.append("")
        lines.append("</details>")
        return lines.joined(separator: "\n")
    }
}
