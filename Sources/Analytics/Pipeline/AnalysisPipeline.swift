import Corpus
import TextAnalysis

/// From accepted comments to a finished ``RunResult``.
public enum AnalysisPipeline {
    /// Analyses `comments` (the whole corpus of the run, in a fixed order); `intake` is what this
    /// run read from its files (rows read, rejected rows, warnings), reported alongside.
    /// `progress` hears when each step starts.
    public static func run(
        framework: Framework, comments: [Comment], intake: Intake, resources: AnalyzerResources, manifest: RunManifest,
        configuration: PipelineConfiguration, confidenceModel: ConfidenceModel, reviews: [String: ReviewedLabels] = [:],
        audit: AuditPlan? = nil, previousTopics: PreviousTopics = PreviousTopics(), progress: (PipelineStep) -> Void = { _ in }
    ) throws(AnalyticsError) -> RunResult {
        try steps(
            framework: framework, comments: comments, intake: intake, resources: resources, manifest: manifest,
            configuration: configuration, confidenceModel: confidenceModel, reviews: reviews, audit: audit,
            previousTopics: previousTopics, keepAssignment: false, progress: progress
        ).result
    }

    /// ``run(framework:comments:intake:resources:manifest:configuration:confidenceModel:reviews:previousTopics:progress:)``,
    /// also returning the assignment step's pair features (for fitting and evaluating the confidence model).
    /// With `audit`, the measures' estimates rest on its reviewed sample (``MeasureEstimates``).
    public static func runWithAssignment(
        framework: Framework, comments: [Comment], intake: Intake, resources: AnalyzerResources, manifest: RunManifest,
        configuration: PipelineConfiguration, confidenceModel: ConfidenceModel, reviews: [String: ReviewedLabels] = [:],
        audit: AuditPlan? = nil, previousTopics: PreviousTopics = PreviousTopics(),
        progress: (PipelineStep) -> Void = { _ in }
    ) throws(AnalyticsError) -> (result: RunResult, assignment: AssignmentRun) {
        let (result, assignment) = try steps(
            framework: framework, comments: comments, intake: intake, resources: resources, manifest: manifest,
            configuration: configuration, confidenceModel: confidenceModel, reviews: reviews, audit: audit,
            previousTopics: previousTopics, keepAssignment: true, progress: progress)
        guard let assignment else { preconditionFailure("the steps keep the assignment when asked to") }
        return (result, assignment)
    }

    /// The steps of a run. The assignment step's pair features (a few hundred bytes a comment)
    /// are let go once the comments' results are made, unless `keepAssignment`; so are the
    /// texts' spellings of their terms, which only the evidence reads.
    static func steps(
        framework: Framework, comments: [Comment], intake: Intake, resources: AnalyzerResources, manifest: RunManifest,
        configuration: PipelineConfiguration, confidenceModel: ConfidenceModel, reviews: [String: ReviewedLabels],
        audit: AuditPlan?, previousTopics: PreviousTopics, keepAssignment: Bool, progress: (PipelineStep) -> Void
    ) throws(AnalyticsError) -> (result: RunResult, assignment: AssignmentRun?) {
        let measures = framework.measures

        // 1. Analyse comments and measure texts together, so both share one vocabulary; keep
        // what the later steps need of each text, not its tokens.
        progress(.analysis(comments: comments.count))
        let commentTexts = comments.map(\.text)
        let synonymWeight = configuration.assignment.synonymWeight
        let thesaurus = synonymWeight > 0 ? resources.thesaurus : nil
        let measureTexts = MeasureQuery.fieldTexts(of: measures, thesaurus: thesaurus)
        let assigner = try MeasureAssigner(settings: configuration.assignment, confidenceModel: confidenceModel)
        var analysis: CorpusFeatures
        do {
            analysis = try CorpusFeatures(
                texts: commentTexts + measureTexts, comments: comments.count,
                analyzer: CorpusAnalyzer(resources: resources, threads: configuration.threads))
        } catch {
            throw .analysis(error)
        }

        // The run's one vocabulary (of comments and measure texts): from here on a term is its
        // id, in the term bags, the content stems and the keyword stems alike.
        var textTerms = analysis.textTerms
        analysis.textTerms = []
        var numbered = TermVocabulary.bags(textTerms, threads: configuration.threads)
        textTerms = []
        let vocabulary = numbered.vocabulary
        var bags = Array(numbered.bags[..<comments.count])
        let fieldBags = Array(numbered.bags[comments.count...])
        numbered.bags = []
        let contentStems = vocabulary.ids(analysis.contentStems, threads: configuration.threads)
        analysis.contentStems = []
        let keywordDocuments = vocabulary.ids(analysis.keywordStems, threads: configuration.threads)
        analysis.keywordStems = []

        // 2. Exact duplicates and campaign texts, so that a campaign counts once where it would
        // otherwise speak with many voices (query expansion).
        progress(.duplicates)
        let duplicates = DuplicateDetector(seed: configuration.seed).detect(
            texts: commentTexts, contentStems: contentStems, vocabulary: vocabulary, threads: configuration.threads)
        let contributions = duplicates.indices.map { duplicates[$0].nearDuplicateGroup ?? duplicates[$0].duplicateOf ?? $0 }

        // 3. Measures become BM25 queries over the comments' terms; see MeasureAssigner.
        progress(.assignment(measures: measures.count))
        let queries = MeasureQuery.queries(
            measures, fieldBags: fieldBags, synonymWeight: synonymWeight)
        var reviewedByIndex: [Int: ReviewedLabels] = [:]
        for (index, comment) in comments.enumerated() {
            if let labels = reviews[comment.id] { reviewedByIndex[index] = labels }
        }
        let withoutGoalCount = comments.reduce(0) { $0 + ($1.goal == nil ? 1 : 0) }
        let possible = measures.map { measure in
            comments.reduce(0) { $0 + ($1.goal == measure.goalID ? 1 : 0) } + withoutGoalCount
        }
        let known = measures.map { measure in reviewedByIndex.values.filter { $0.accepted.contains(measure.id) }.count }
        // The assignment step's pair features go at the end of this scope, unless kept.
        let assessments: [CommentAssessment]
        let estimates: [CountEstimate]
        let bm25: (k1: Double, b: Double)
        let agreementRate: Double
        var kept: AssignmentRun? = nil
        do {
            let assignment = assigner.assess(
                bags: bags, vocabulary: vocabulary, goals: comments.map(\.goal), contributions: contributions,
                queries: queries, reviews: reviewedByIndex, threads: configuration.threads)
            assessments = assignment.assessments
            (bm25, agreementRate) = ((assignment.index.k1, assignment.index.b), assignment.features.agreementRate)
            estimates = MeasureEstimates.compute(
                comments: comments, assignment: assignment, reviews: reviewedByIndex, audit: audit,
                factors: confidenceModel.intervalFactors(agreementRate: assignment.features.measuredAgreementRate),
                possible: possible,
                known: known,
                threads: configuration.threads)
            if keepAssignment { kept = assignment }
        }
        // Only the evidence read the texts' spellings of their terms.
        for index in bags.indices { bags[index].dropDisplays() }
        let estimateByMeasure = Dictionary(uniqueKeysWithValues: zip(measures.map(\.id), estimates))

        // 4. Phrases, and each comment's result.
        progress(.phrases)
        let display = analysis.display
        let phrases = PhraseFinder(minimumComments: configuration.phraseMinimumComments).phrases(
            candidates: analysis.phraseCandidates, texts: commentTexts, isNoun: display.isNoun)
        analysis.phraseCandidates = []
        let extractor = KeynessExtractor(
            minimumComments: configuration.keywordMinimumComments, limit: configuration.keywordLimit)
        var results = comments.indices.map { index in
            let comment = comments[index]
            let assessment = assessments[index]
            let bestGoal = assessment.assignments.first?.goalID
            return CommentResult(
                id: comment.id, text: comment.text, goal: comment.goal,
                inferredGoal: bestGoal != comment.goal ? bestGoal : nil, createdAt: comment.createdAt,
                status: assessment.status, assignments: assessment.assignments, bestConfidence: assessment.bestConfidence,
                topic: nil,
                duplicateOf: duplicates[index].duplicateOf.map { comments[$0].id },
                nearDuplicateGroup: duplicates[index].nearDuplicateGroup.map { comments[$0].id }, source: comment.source)
        }

        // 5. Topics of the whole consultation and of each goal (see TopicModeler).
        progress(.topics)
        let topicInput = TopicModeler.Input(
            bags: bags, keywordStems: keywordDocuments, contributionKeys: results.map(\.contributionKey),
            ids: results.map(\.id), vocabulary: vocabulary, display: display, phrases: phrases)
        let modeler = configuration.topics
        var topics: [Topic] = []
        var topicCounts: [String: TopicCountState] = [:]
        var topicScores: [String: [TopicCountSelection.Score]] = [:]
        let scopes =
            [
                TopicModeler.ScopeRequest(
                    members: Array(results.indices), goal: nil, prefix: "", previous: previousTopics.counts[""])
            ]
            + framework.goals.map { goal in
                TopicModeler.ScopeRequest(
                    members: results.indices.filter { results[$0].reportGoal == goal.id }, goal: goal.id, prefix: goal.id + ".",
                    previous: previousTopics.counts[goal.id])
            }
        let found = modeler.topics(of: scopes, input: topicInput, seed: configuration.seed, threads: configuration.threads)
        for (scope, result) in zip(scopes, found) {
            let key = scope.goal ?? ""
            topics += result.topics
            if let count = result.count { topicCounts[key] = count }
            if !result.scores.isEmpty { topicScores[key] = result.scores }
        }
        // Ids carried over from the previous run where the topic is still there (see TopicLedger).
        let ledger = configuration.topicLedger.reconcile(
            current: topics, commentIDs: results.map(\.id), previous: previousTopics.topics,
            highestNumbers: previousTopics.highestNumbers)
        topics = ledger.topics
        // A comment's topic is that of its goal's topics, or of the whole consultation's without a goal.
        for topic in topics {
            for member in topic.members where (topic.goal == nil) == (results[member].reportGoal == nil) {
                results[member].topic = topic.id
            }
        }
        let topicResults = topics.map { topicResult($0, comments: results) }
        progress(.summaries)
        let keywordCorpus = KeywordDocuments(keywordDocuments)
        let phraseCorpus = (documents: KeywordDocuments(phrases.perComment), phrases: phrases)
        let tallies = measureTallies(results)
        let span = dateSpan(comments.compactMap(\.createdAt))
        let trends = measureTrends(results, tallies: tallies, measureIDs: framework.measures.map(\.id), span: span)
        let withoutGoal = results.reduce(0) { $0 + ($1.goal == nil ? 1 : 0) }
        let goals = framework.goals.map { goal in
            var result = goalResult(
                goal, comments: results, tallies: tallies, withoutGoal: withoutGoal, keywordDocuments: keywordCorpus,
                phrases: phraseCorpus, vocabulary: vocabulary, display: display, extractor: extractor,
                representativeLimit: configuration.representativeLimit)
            for index in result.measures.indices {
                result.measures[index].estimate = estimateByMeasure[result.measures[index].id]
                result.measures[index].trend = trends[result.measures[index].id]
                result.measures[index].assignedComments = assignedOrder(tallies[result.measures[index].id], comments: results)
            }
            result.topics = topicResults.filter { $0.goal == goal.id }
            return result
        }
        let result = RunResult(
            manifest: manifest, framework: framework, rowsRead: intake.rowsRead, rejected: intake.rejected,
            warnings: intake.warnings, warningSummary: WarningSummary.of(intake.warnings), columns: intake.columns,
            supersededRows: intake.superseded,
            withdrawnRows: intake.withdrawnRows, withdrawnComments: intake.withdrawnComments,
            distinctAuthors: Set(comments.compactMap(\.author)).count,
            firstCommentAt: span.first, lastCommentAt: span.last, goals: goals, topics: topicResults,
            topicEvents: ledger.events, topicNumbers: ledger.highestNumbers, topicCounts: topicCounts,
            topicScores: topicScores, comments: results,
            method: MethodSettings(
                bm25K1: bm25.k1, bm25B: bm25.b, assignAt: configuration.assignment.assignAt,
                reviewFloor: configuration.assignment.reviewFloor, expansion: configuration.assignment.expansion,
                selfTraining: configuration.assignment.selfTraining, confidenceFittedOn: confidenceModel.fittedOn,
                reviewedComments: reviewedByIndex.count, titleWeight: MeasureQuery.titleWeight,
                keywordWeight: MeasureQuery.keywordWeight, descriptionWeight: MeasureQuery.descriptionWeight,
                synonymWeight: thesaurus == nil ? nil : synonymWeight, thesaurus: thesaurus?.version,
                agreementRate: agreementRate, countMedianError: confidenceModel.countMedianError,
                auditSize: audit.map { $0.sampled.count },
                keywordMinimumComments: configuration.keywordMinimumComments, topics: configuration.topics))
        return (result, kept)
    }

    /// The earliest and latest of `dates` (ISO 8601) by instant, not by text (offsets and
    /// date-only values order wrongly as strings), equal instants by text; an unreadable date
    /// counts as 1970-01-01. Each date is parsed once: sorting them parsed two per comparison.
    static func dateSpan(_ dates: [String]) -> (first: String?, last: String?) {
        let keyed = dates.map { (instant: ISODate.sortKey($0) ?? 0, text: $0) }
        func precedes(_ lhs: (instant: Double, text: String), _ rhs: (instant: Double, text: String)) -> Bool {
            lhs.instant != rhs.instant ? lhs.instant < rhs.instant : lhs.text < rhs.text
        }
        return (keyed.min(by: precedes)?.text, keyed.max(by: precedes)?.text)
    }

    /// A topic as the report shows it: its size, how many of its comments fit no measure, and
    /// its quotes verbatim.
    static func topicResult(_ topic: Topic, comments: [CommentResult]) -> TopicResult {
        let unassigned = topic.members.filter { comments[$0].status == .unassigned }.count
        return TopicResult(
            id: topic.id, goal: topic.goal, size: topic.members.count,
            distinctCount: Set(topic.members.map { comments[$0].contributionKey }).count, unassignedCount: unassigned,
            label: topic.label, keywords: topic.keywords, phrases: topic.phrases,
            representativeComments: topic.quotes.map { TopicQuote(commentID: comments[$0].id, text: comments[$0].text) },
            commentIDs: topic.members.map { comments[$0].id }, coherence: topic.coherence)
    }

    /// The comments assigned to one measure (index and confidence, in comment order), and how
    /// many uncertain comments name it.
    typealias MeasureTally = (assigned: [(index: Int, confidence: Double)], uncertain: Int)

    /// Per measure id: the assigned comments that name it (index and the confidence of their
    /// first assignment to it, in comment order), and how many uncertain comments name it. One
    /// pass over the comments for all measures, rather than one per measure copying every
    /// comment's result.
    static func measureTallies(_ comments: [CommentResult]) -> [String: MeasureTally] {
        var tallies: [String: MeasureTally] = [:]
        for index in comments.indices {
            let status = comments[index].status
            guard status == .assigned || status == .uncertain else { continue }
            let assignments = comments[index].assignments
            for (position, match) in assignments.enumerated()
            where !assignments[..<position].contains(where: { $0.measureID == match.measureID }) {
                if status == .assigned {
                    tallies[match.measureID, default: ([], 0)].assigned.append((index, match.confidence))
                } else {
                    tallies[match.measureID, default: ([], 0)].uncertain += 1
                }
            }
        }
        return tallies
    }

    /// Each measure's ``MeasureTrend`` from its assigned comments (the tallies), on the weeks of
    /// the consultation's first to last dated comment; none when no comment carries a date.
    static func measureTrends(
        _ comments: [CommentResult], tallies: [String: MeasureTally], measureIDs: [String],
        span: (first: String?, last: String?)
    ) -> [String: MeasureTrend] {
        guard let first = span.first.flatMap(MeasureTrend.day), let last = span.last.flatMap(MeasureTrend.day) else { return [:] }
        var trends: [String: MeasureTrend] = [:]
        for id in measureIDs {
            let dates = (tallies[id]?.assigned ?? []).compactMap { comments[$0.index].createdAt }
            trends[id] = MeasureTrend(dates: dates, first: first, last: last)
        }
        return trends
    }

    /// A measure's assigned comments (its tally), most confident first, ties by comment id.
    static func assignedOrder(_ tally: MeasureTally?, comments: [CommentResult]) -> [Int] {
        (tally?.assigned ?? []).sorted { lhs, rhs in
            lhs.confidence != rhs.confidence ? lhs.confidence > rhs.confidence : comments[lhs.index].id < comments[rhs.index].id
        }.map(\.index)
    }

    /// `result` with what a result stored before it was kept lacks (trends, the measures' lists of
    /// assigned comments, the warnings per kind), computed as a run computes it: the migration of
    /// a stored result, applied as the store reads it.
    public static func upgraded(_ result: RunResult) -> RunResult {
        var upgraded = result
        if upgraded.warningSummary == nil { upgraded.warningSummary = WarningSummary.of(result.warnings) }
        if result.goals.contains(where: { $0.uncertainComments == nil || $0.unassignedComments == nil }) {
            for goal in upgraded.goals.indices {
                let id = upgraded.goals[goal].id
                let lists = statusLists(
                    result.comments.indices.filter { result.comments[$0].reportGoal == id }, comments: result.comments)
                upgraded.goals[goal].uncertainComments = lists.uncertain
                upgraded.goals[goal].unassignedComments = lists.unassigned
            }
        }
        let measures = result.goals.flatMap(\.measures)
        guard measures.contains(where: { $0.trend == nil || $0.assignedComments == nil }) else { return upgraded }
        let tallies = measureTallies(result.comments)
        let trends = measureTrends(
            result.comments, tallies: tallies, measureIDs: result.framework.measures.map(\.id),
            span: (result.firstCommentAt, result.lastCommentAt))
        for goal in upgraded.goals.indices {
            for index in upgraded.goals[goal].measures.indices {
                let id = upgraded.goals[goal].measures[index].id
                if upgraded.goals[goal].measures[index].trend == nil { upgraded.goals[goal].measures[index].trend = trends[id] }
                if upgraded.goals[goal].measures[index].assignedComments == nil {
                    upgraded.goals[goal].measures[index].assignedComments = assignedOrder(tallies[id], comments: result.comments)
                }
            }
        }
        return upgraded
    }

    private static func goalResult(
        _ goal: Goal, comments: [CommentResult],
        tallies: [String: MeasureTally], withoutGoal: Int,
        keywordDocuments: KeywordDocuments<TermID>,
        phrases: (documents: KeywordDocuments<TermID>, phrases: PhraseFinder.Phrases),
        vocabulary: TermVocabulary, display: DisplayForms,
        extractor: KeynessExtractor, representativeLimit: Int
    ) -> GoalResult {
        let members = comments.indices.filter { comments[$0].reportGoal == goal.id }
        let posted = members.filter { comments[$0].goal == goal.id }.count
        let lists = statusLists(members, comments: comments)
        let measures = goal.measures.map { measure in
            let (assigned, uncertain) = tallies[measure.id] ?? ([], 0)
            // Quotes: the most confident comment of each group, so a campaign is quoted once at most.
            var quotedGroups: Set<String> = []
            let quotes = assigned.sorted { lhs, rhs in
                lhs.confidence != rhs.confidence
                    ? lhs.confidence > rhs.confidence : comments[lhs.index].id < comments[rhs.index].id
            }.filter { quotedGroups.insert(comments[$0.index].contributionKey).inserted }
                .prefix(representativeLimit).map { item in
                    Quote(commentID: comments[item.index].id, text: comments[item.index].text, confidence: item.confidence)
                }
            // A comment is tallied once per measure: the indices are distinct.
            let target = assigned.map(\.index)
            return MeasureResult(
                id: measure.id, title: measure.title, commentCount: assigned.count,
                distinctCount: Set(assigned.map { comments[$0.index].contributionKey }).count,
                uncertainCount: uncertain,
                keywords: extractor.keywords(
                    target: target, documents: keywordDocuments, vocabulary: vocabulary, display: display),
                phrases: phraseKeywords(target, phrases: phrases, extractor: extractor),
                representativeComments: quotes)
        }
        return GoalResult(
            id: goal.id, title: goal.title, commentCount: members.count,
            distinctCount: Set(members.map { comments[$0].contributionKey }).count, postedCount: posted,
            routedCount: members.count - posted, consideredCount: posted + withoutGoal,
            assignedCount: members.count - lists.uncertain.count - lists.unassigned.count,
            uncertainCount: lists.uncertain.count, unassignedCount: lists.unassigned.count,
            keywords: extractor.keywords(
                target: members, documents: keywordDocuments, vocabulary: vocabulary, display: display),
            phrases: phraseKeywords(members, phrases: phrases, extractor: extractor), measures: measures,
            uncertainComments: lists.uncertain, unassignedComments: lists.unassigned)
    }

    /// The uncertain and the unassigned comments among a goal's `members` (its comments by
    /// ``CommentResult/reportGoal``, as indices in input order): what its page lists.
    static func statusLists(_ members: [Int], comments: [CommentResult]) -> (uncertain: [Int], unassigned: [Int]) {
        var lists: (uncertain: [Int], unassigned: [Int]) = ([], [])
        for index in members {
            switch comments[index].status {
            case .uncertain: lists.uncertain.append(index)
            case .unassigned: lists.unassigned.append(index)
            case .assigned: break
            }
        }
        return lists
    }

    /// The phrases of the comments at `target` against all others, ranked like keywords.
    static func phraseKeywords(
        _ target: some Collection<Int>, phrases: (documents: KeywordDocuments<TermID>, phrases: PhraseFinder.Phrases),
        extractor: KeynessExtractor
    ) -> [Keyword] {
        KeynessExtractor(minimumComments: extractor.minimumComments, limit: 5)
            .keywords(target: target, documents: phrases.documents, shown: phrases.phrases.shown)
    }
}

/// The steps of ``AnalysisPipeline``, in order, as `progress` reports them.
public enum PipelineStep: Sendable, Equatable, CustomStringConvertible {
    case analysis(comments: Int)
    case duplicates
    case assignment(measures: Int)
    case phrases
    case topics
    /// Goal and measure figures, keywords and quotes.
    case summaries

    /// A short name, for timings.
    public var name: String {
        switch self {
        case .analysis: return "text"
        case .duplicates: return "duplicates"
        case .assignment: return "assignment"
        case .phrases: return "phrases"
        case .topics: return "topics"
        case .summaries: return "summaries"
        }
    }

    public var description: String {
        switch self {
        case .analysis(let comments): return "analysing \(comments) comments"
        case .duplicates: return "looking for duplicates"
        case .assignment(let measures): return "assigning comments to \(measures) measures"
        case .phrases: return "finding phrases"
        case .topics: return "finding topics"
        case .summaries: return "summarising goals and measures"
        }
    }
}

/// What a run read from its files, as opposed to the comments it analyses (which include those
/// stored by earlier runs).
public struct Intake: Sendable, Equatable {
    /// Rows read from this run's files: accepted + rejected.
    public var rowsRead: Int
    public var rejected: [RejectedRow]
    public var warnings: [IngestWarning]
    /// Which columns each table file gave for which field (empty when the files were read by an
    /// earlier `ingest`).
    public var columns: [ColumnUse]
    /// Accepted rows that a later file of the run replaced (the same comment in two exports).
    public var superseded: Int
    /// Rows of this run whose comment was withdrawn before (not stored again), and the comments
    /// withdrawn from the store so far.
    public var withdrawnRows = 0
    public var withdrawnComments = 0

    public init(
        rowsRead: Int, rejected: [RejectedRow], warnings: [IngestWarning], columns: [ColumnUse] = [], superseded: Int = 0
    ) {
        self.rowsRead = rowsRead
        self.rejected = rejected
        self.warnings = warnings
        self.columns = columns
        self.superseded = superseded
    }

    /// The intake of an ingest whose accepted comments are also the ones analysed.
    public init(_ ingest: IngestResult) {
        self.init(
            rowsRead: ingest.rowsRead, rejected: ingest.rejected, warnings: ingest.warnings, columns: ingest.columns,
            superseded: ingest.superseded)
    }
}

/// The previous run's topics, for ``TopicLedger``.
public struct PreviousTopics: Sendable, Equatable {
    public var topics: [TopicLedger.Previous]
    /// The highest topic number used so far per scope (goal id, "" for the whole consultation).
    public var highestNumbers: [String: Int]
    /// The number of topics each scope held, for ``TopicCountSelection``'s hysteresis.
    public var counts: [String: TopicCountState]

    public init(
        topics: [TopicLedger.Previous] = [], highestNumbers: [String: Int] = [:], counts: [String: TopicCountState] = [:]
    ) {
        self.topics = topics
        self.highestNumbers = highestNumbers
        self.counts = counts
    }

    /// The topics of the run a snapshot describes (none when there is no snapshot, or it is older
    /// than topics).
    public init(_ snapshot: RunSnapshot?) {
        self.init(
            topics: (snapshot?.topics ?? []).map { topic in
                TopicLedger.Previous(id: topic.id, goal: topic.goal, members: Set(topic.members), keywords: Set(topic.keywords))
            },
            highestNumbers: snapshot?.topicNumbers ?? [:], counts: snapshot?.topicCounts ?? [:])
    }
}
