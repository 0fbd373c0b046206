import Analytics
import Corpus

/// Renders `report.json`, the whole result of a run; its schema is `schemas/report.schema.json`.
///
/// Numbers are written with fixed decimals (scores 4, confidences 4, shares 4) so the file is
/// byte-identical for identical input; `run.started_at` is the only field that changes.
public enum JSONReportRenderer {
    /// Version of the report format; a breaking change to the fields raises the major number.
    public static let schemaVersion = "1.0"

    public static func render(_ result: RunResult) -> String {
        JSONWriter.pretty(value(result))
    }

    /// ``render(_:)`` handed to `emit` in pieces (``JSONWriter/pretty(_:emit:)``): each comment's
    /// value is built only while it is written.
    public static func render(_ result: RunResult, emit: (String) -> Void) {
        JSONWriter.pretty(value(result), emit: emit)
    }

    static func value(_ result: RunResult) -> JSONValue {
        .object([
            JSONMember("schema_version", .string(schemaVersion)),
            JSONMember("run", run(result)),
            JSONMember("method", method(result.method)),
            JSONMember("changes", result.changes.map(changes) ?? .null),
            JSONMember("goals", .array(result.goals.map(goal))),
            JSONMember("topics", .array(result.topics.map(topic))),
            JSONMember("topic_selection", topicSelection(result)),
            JSONMember(
                "topic_events",
                .array(
                    result.topicEvents.map { event in
                        .object([
                            JSONMember("kind", .string(event.kind.rawValue)), JSONMember("topic", .string(event.topic)),
                            JSONMember("other", .optional(event.other)),
                        ])
                    })),
            JSONMember("comments", .elements(JSONElements(count: result.comments.count) { comment(result.comments[$0]) })),
            JSONMember("warnings", .array(result.warnings.map(warning))),
            JSONMember(
                "warning_summary",
                .array(
                    (result.warningSummary ?? []).map { summary in
                        .object([
                            JSONMember("kind", .string(summary.kind.rawValue)), JSONMember("count", .int(summary.count)),
                            JSONMember("examples", .array(summary.examples.map(warning))),
                        ])
                    })),
        ])
    }

    /// Per scope ("" = the whole consultation): the number of topics used, the best-scoring one,
    /// the hysteresis state and every candidate's score.
    private static func topicSelection(_ result: RunResult) -> JSONValue {
        let scopes = Set(result.topicCounts.keys).union(result.topicScores.keys).sorted()
        return .array(
            scopes.map { scope in
                let count = result.topicCounts[scope]
                return .object([
                    JSONMember("goal", scope.isEmpty ? .null : .string(scope)),
                    JSONMember("clusters", .optional(count?.clusters)),
                    JSONMember("best", .optional(count?.best)),
                    JSONMember("challenger", .optional(count?.challenger)),
                    JSONMember("streak", .int(count?.streak ?? 0)),
                    JSONMember(
                        "candidates",
                        .array(
                            (result.topicScores[scope] ?? []).map { score in
                                .object([
                                    JSONMember("clusters", .int(score.clusters)),
                                    JSONMember("coherence", .decimal(score.coherence, places: 4)),
                                    JSONMember("stability", .decimal(score.stability, places: 4)),
                                    JSONMember("score", .decimal(score.score, places: 4)),
                                    JSONMember("runs", .int(score.runs)),
                                ])
                            })),
                ])
            })
    }

    private static func run(_ result: RunResult) -> JSONValue {
        let manifest = result.manifest
        return .object([
            JSONMember("id", .string(manifest.id)),
            JSONMember("started_at", .string(manifest.startedAt)),
            JSONMember("framework", .string(manifest.frameworkID)),
            JSONMember("framework_title", .string(result.framework.title)),
            JSONMember("framework_sha256", .string(manifest.frameworkSHA256)),
            JSONMember("input_sha256", .string(manifest.inputSHA256)),
            JSONMember("corpus_sha256", .string(manifest.corpusSHA256)),
            JSONMember(
                "inputs",
                .array(
                    manifest.inputFiles.map {
                        .object([JSONMember("path", .string($0.path)), JSONMember("sha256", .string($0.sha256))])
                    })),
            JSONMember("seed", .unsigned(manifest.seed)),
            JSONMember("program_version", .string(manifest.programVersion)),
            JSONMember("icu_version", .string(manifest.icuVersion)),
            JSONMember("comments_read", .int(result.rowsRead)),
            JSONMember("comments_accepted", .int(result.commentsAccepted)),
            JSONMember("rows_superseded", .int(result.supersededRows ?? 0)),
            JSONMember("rows_withdrawn", .int(result.withdrawnRows ?? 0)),
            JSONMember("comments_withdrawn", .int(result.withdrawnComments ?? 0)),
            JSONMember(
                "columns",
                .array(
                    (result.columns ?? []).map { use in
                        .object([
                            JSONMember("file", .string(use.file)),
                            JSONMember(
                                "fields",
                                .object(use.fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
                            JSONMember("unused", .array(use.unused.map { .string($0) })),
                        ])
                    })),
            JSONMember("comments_analysed", .int(result.commentsAnalysed)),
            JSONMember("comments_rejected", .int(result.commentsRejected)),
            JSONMember("comments_without_goal", .int(result.commentsWithoutGoal)),
            JSONMember("distinct_contributions", .int(result.distinctContributions)),
            JSONMember("exact_duplicates", .int(result.exactDuplicates)),
            JSONMember("campaign_comments", .int(result.campaignComments)),
            JSONMember("campaign_groups", .int(result.campaignGroups)),
            JSONMember("distinct_authors", .int(result.distinctAuthors)),
            JSONMember("first_comment_at", .optional(result.firstCommentAt)),
            JSONMember("last_comment_at", .optional(result.lastCommentAt)),
        ])
    }

    private static func method(_ method: MethodSettings) -> JSONValue {
        .object([
            JSONMember(
                "assignment",
                .string(
                    (["bm25"] + (method.expansion == nil ? [] : ["rocchio"]) + (method.selfTraining == nil ? [] : ["nb-em"])
                        + ["logistic-confidence"]).joined(separator: "+"))),
            JSONMember("bm25_k1", .decimal(method.bm25K1, places: 4)),
            JSONMember("bm25_b", .decimal(method.bm25B, places: 4)),
            JSONMember("threshold", .decimal(method.assignAt, places: 4)),
            JSONMember("review_floor", .decimal(method.reviewFloor, places: 4)),
            JSONMember("confidence_fitted_on", .array(method.confidenceFittedOn.map { .string($0) })),
            JSONMember("reviewed_comments", .int(method.reviewedComments)),
            JSONMember("title_weight", .decimal(method.titleWeight, places: 4)),
            JSONMember("keyword_weight", .decimal(method.keywordWeight, places: 4)),
            JSONMember("description_weight", .decimal(method.descriptionWeight, places: 4)),
            JSONMember("synonym_weight", method.synonymWeight.map { .decimal($0, places: 4) } ?? .null),
            JSONMember("thesaurus", .optional(method.thesaurus)),
            JSONMember("confidence_calibrated", .bool(true)),
            JSONMember("keywords", .string("log-likelihood G2 with log ratio, per comment")),
            JSONMember("keyword_minimum_comments", .int(method.keywordMinimumComments)),
            JSONMember("topics", .string(method.topics.clustering.method.rawValue)),
            JSONMember("topics_fixed", .optional(method.topics.fixedTopics)),
            JSONMember("topics_candidates", .array(method.topics.selection.candidates.map { .int($0) })),
            JSONMember("topics_seeds", .int(method.topics.selection.seeds)),
            JSONMember("topics_confirmations", .int(method.topics.selection.confirmations)),
            JSONMember("topics_alpha", .decimal(method.topics.clustering.gsdmm.alpha, places: 4)),
            JSONMember("topics_beta", .decimal(method.topics.clustering.gsdmm.beta, places: 4)),
            JSONMember("topics_iterations", .int(method.topics.clustering.gsdmm.iterations)),
            JSONMember("topics_minimum_comments", .int(method.topics.minimumComments)),
        ])
    }

    private static func changes(_ changes: ChangeReport) -> JSONValue {
        func counts(_ items: [ChangeReport.Count], key: String) -> JSONValue {
            .array(
                items.map { item in
                    .object(
                        [JSONMember(key, .string(item.id)), JSONMember("count", .int(item.count))]
                            + (item.new.map { [JSONMember("new", .int($0)), JSONMember("changed", .int(item.count - $0))] } ?? [])
                    )
                })
        }
        return .object([
            JSONMember("baseline_started_at", .optional(changes.baselineStartedAt)),
            JSONMember("new_comments", .int(changes.newComments)),
            JSONMember("changed_comments", .int(changes.changedComments)),
            JSONMember("per_goal", counts(changes.perGoal, key: "goal")),
            JSONMember(
                "without_goal",
                changes.withoutGoal.map { item in
                    .object([
                        JSONMember("count", .int(item.count)), JSONMember("new", .int(item.new ?? 0)),
                        JSONMember("changed", .int(item.changed ?? 0)),
                    ])
                } ?? .null),
            JSONMember("per_measure", counts(changes.perMeasure, key: "measure")),
            JSONMember(
                "share_moves",
                .array(
                    changes.shareMoves.map { move in
                        .object([
                            JSONMember("measure", .string(move.measureID)),
                            JSONMember("before", .decimal(move.before, places: 4)),
                            JSONMember("after", .decimal(move.after, places: 4)),
                        ])
                    })),
            JSONMember("comment_ids", .array(changes.commentIDs.map(JSONValue.string))),
        ])
    }

    private static func goal(_ goal: GoalResult) -> JSONValue {
        .object([
            JSONMember("id", .string(goal.id)),
            JSONMember("title", .string(goal.title)),
            JSONMember("comment_count", .int(goal.commentCount)),
            JSONMember("distinct_count", .int(goal.distinctCount)),
            JSONMember("posted_count", .int(goal.postedCount)),
            JSONMember("routed_count", .int(goal.routedCount)),
            JSONMember("considered_count", .int(goal.consideredCount)),
            JSONMember("assigned_count", .int(goal.assignedCount)),
            JSONMember("uncertain_count", .int(goal.uncertainCount)),
            JSONMember("unassigned_count", .int(goal.unassignedCount)),
            JSONMember("keywords", .array(goal.keywords.map(keyword))),
            JSONMember("phrases", .array(goal.phrases.map(keyword))),
            JSONMember("measures", .array(goal.measures.map { measure($0, goal: goal) })),
            JSONMember("topics", .array(goal.topics.map(topic))),
        ])
    }

    private static func topic(_ topic: TopicResult) -> JSONValue {
        .object([
            JSONMember("id", .string(topic.id)),
            JSONMember("goal", .optional(topic.goal)),
            JSONMember("size", .int(topic.size)),
            JSONMember("distinct_count", .int(topic.distinctCount)),
            JSONMember("unassigned_count", .int(topic.unassignedCount)),
            JSONMember("orphan", .bool(topic.isOrphan)),
            JSONMember("npmi", .decimal(topic.coherence, places: 4)),
            JSONMember("coherent", .bool(topic.isCoherent)),
            JSONMember("label", .string(topic.label)),
            JSONMember(
                "keywords",
                .array(
                    topic.keywords.map { keyword in
                        .object([
                            JSONMember("term", .string(keyword.display)), JSONMember("stem", .string(keyword.stem)),
                            JSONMember("weight", .decimal(keyword.weight, places: 4)),
                            JSONMember("log_likelihood", .decimal(keyword.logLikelihood, places: 4)),
                        ])
                    })),
            JSONMember("phrases", .array(topic.phrases.map(keyword))),
            JSONMember(
                "representative_comments",
                .array(
                    topic.representativeComments.map { quote in
                        .object([JSONMember("id", .string(quote.commentID)), JSONMember("text", .string(quote.text))])
                    })),
        ])
    }

    private static func measure(_ measure: MeasureResult, goal: GoalResult) -> JSONValue {
        .object([
            JSONMember("id", .string(measure.id)),
            JSONMember("title", .string(measure.title)),
            JSONMember("comment_count", .int(measure.commentCount)),
            JSONMember("distinct_count", .int(measure.distinctCount)),
            JSONMember("share", .decimal(goal.share(of: measure), places: 4)),
            JSONMember("uncertain_count", .int(measure.uncertainCount)),
            JSONMember("estimate", measure.estimate.map(estimate) ?? .null),
            JSONMember("keywords", .array(measure.keywords.map(keyword))),
            JSONMember("phrases", .array(measure.phrases.map(keyword))),
            JSONMember(
                "representative_comments",
                .array(
                    measure.representativeComments.map { quote in
                        .object([
                            JSONMember("id", .string(quote.commentID)),
                            JSONMember("confidence", .decimal(quote.confidence, places: 4)),
                            JSONMember("text", .string(quote.text)),
                        ])
                    })),
        ])
    }

    /// A measure's estimated count: value and 95 % interval (one decimal), where it comes from,
    /// and how many audited comments it rests on.
    private static func estimate(_ estimate: CountEstimate) -> JSONValue {
        .object([
            JSONMember("value", .decimal(estimate.value, places: 1)),
            JSONMember("lower", .decimal(estimate.lower, places: 1)),
            JSONMember("upper", .decimal(estimate.upper, places: 1)),
            JSONMember("basis", .string(estimate.basis.rawValue)),
            JSONMember("audited_comments", .int(estimate.auditedComments)),
        ])
    }

    private static func keyword(_ keyword: Keyword) -> JSONValue {
        .object([
            JSONMember("term", .string(keyword.display)),
            JSONMember("stem", .string(keyword.stem)),
            JSONMember("comments", .int(keyword.comments)),
            JSONMember("log_likelihood", .decimal(keyword.logLikelihood, places: 4)),
            JSONMember("log_ratio", .decimal(keyword.logRatio, places: 4)),
            JSONMember("significant", .bool(keyword.isSignificant)),
        ])
    }

    private static func comment(_ comment: CommentResult) -> JSONValue {
        .object([
            JSONMember("id", .string(comment.id)),
            JSONMember("goal", .optional(comment.goal)),
            JSONMember("inferred_goal", .optional(comment.inferredGoal)),
            JSONMember("status", .string(comment.status.rawValue)),
            JSONMember("assignments", .array(comment.assignments.map(assignment))),
            JSONMember("topic", .optional(comment.topic)),
            JSONMember("duplicate_of", .optional(comment.duplicateOf)),
            JSONMember("near_duplicate_group", .optional(comment.nearDuplicateGroup)),
            JSONMember("created_at", .optional(comment.createdAt)),
            JSONMember("text", .string(comment.text)),
            JSONMember("source", source(comment.source)),
        ])
    }

    private static func assignment(_ assignment: MeasureAssignment) -> JSONValue {
        .object([
            JSONMember("measure", .string(assignment.measureID)),
            JSONMember("score", .decimal(assignment.score, places: 4)),
            JSONMember("confidence", .decimal(assignment.confidence, places: 4)),
            JSONMember("source", .string(assignment.source.rawValue)),
            JSONMember(
                "evidence",
                .array(
                    assignment.evidence.map { evidence in
                        .object([
                            JSONMember("term", .string(evidence.term)),
                            JSONMember("measure_term", .string(evidence.measureTerm)),
                            JSONMember("weight", .decimal(evidence.weight, places: 4)),
                            JSONMember("origin", .string(evidence.origin.rawValue)),
                        ])
                    })),
        ])
    }

    private static func warning(_ warning: IngestWarning) -> JSONValue {
        .object([
            JSONMember("file", .string(warning.source.file)),
            JSONMember("line", .int(warning.source.line)),
            JSONMember("id", .optional(warning.id)),
            JSONMember("message", .string(warning.message)),
            JSONMember("kind", .string((warning.kind ?? .other).rawValue)),
            JSONMember("value", .optional(warning.value)),
        ])
    }

    static func source(_ source: SourceLocation) -> JSONValue {
        .object([JSONMember("file", .string(source.file)), JSONMember("line", .int(source.line))])
    }
}

/// Renders `rejected.jsonl`: one JSON object per rejected row, in input order.
public enum RejectedRowsRenderer {
    public static func render(_ rows: [RejectedRow]) -> String {
        rows.map { row in
            JSONWriter.compact(
                .object([
                    JSONMember("file", .string(row.source.file)),
                    JSONMember("line", .int(row.source.line)),
                    JSONMember("id", .optional(row.id)),
                    JSONMember("reason", .string(row.reason)),
                    JSONMember("excerpt", .string(row.excerpt)),
                ])) + "\n"
        }.joined()
    }
}
