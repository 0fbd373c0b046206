import Analytics
import Corpus
import Foundation
import Logging
import Reports
import Storage
import TextAnalysis

/// Everything `resonanz run` (and `ingest`, `analyze`, `report`) is told.
public struct RunOptions: Sendable {
    public var framework: String
    public var comments: [String]
    /// Output folder of the reports; the store lives in it unless `database` names another file.
    public var output: String
    public var database: String?
    /// Wait for another run on the same store instead of exiting with 2.
    public var wait: Bool
    public var resources: String?
    /// A confidence model file instead of the shipped one.
    public var confidenceModel: String?
    public var read: CommentReadOptions
    public var pipeline: PipelineConfiguration
    /// Start time to record; nil means now (or `SOURCE_DATE_EPOCH` when set).
    public var startedAt: Date?
    /// Language of report.md, the goal pages and the redaction labels (`--lang`).
    public var language: ReportLanguage = .de
    /// Also write `research/` (`--export research`; see ``ResearchExport``).
    public var researchExport = false
    /// The files are the platform's complete export: stored comments they no longer hold are
    /// withdrawn (deleted on the platform).
    public var completeExport = false
    /// A folder of report templates replacing the shipped ones (`--templates`).
    public var templates: String?

    public init(
        framework: String, comments: [String], output: String, database: String? = nil, wait: Bool = false,
        resources: String? = nil, confidenceModel: String? = nil, read: CommentReadOptions = CommentReadOptions(),
        pipeline: PipelineConfiguration = PipelineConfiguration(), startedAt: Date? = nil
    ) {
        self.framework = framework
        self.comments = comments
        self.output = output
        self.database = database
        self.wait = wait
        self.resources = resources
        self.confidenceModel = confidenceModel
        self.read = read
        self.pipeline = pipeline
        self.startedAt = startedAt
    }

    /// The store: `database`, or `resonanz.sqlite` in the output folder.
    public var storePath: String {
        database ?? URL(fileURLWithPath: output).appendingPathComponent("resonanz.sqlite").relativePath
    }
}

/// What `resonanz withdraw` did.
public struct WithdrawSummary: Sendable {
    /// Ids asked for, and those of them the store held.
    public var requested: Int
    public var withdrawn: Int
    /// Review files in the output folder that quoted a withdrawn comment and were removed.
    public var removedFiles: [String]
    /// The run that rewrote the reports without them.
    public var run: RunSummary
}

/// What a command did, for the closing lines on the terminal.
public struct RunSummary: Sendable {
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var newComments: Int
    public var changedComments: Int
    public var unchangedComments: Int
    /// Rows whose record equals an earlier version of the stored comment (an older export).
    public var staleComments: Int
    /// Rows replaced by a later file's row with the same id.
    public var supersededRows: Int
    public var warnings: Int
    public var assigned: Int
    public var uncertain: Int
    public var unassigned: Int
    public var storePath: String
    public var outputFolder: String?
    /// Rows whose id was withdrawn earlier (not stored again), and comments this run withdrew
    /// because a complete export no longer holds them.
    public var withdrawnRows = 0
    public var withdrawn = 0

    /// `read 456 rows: 454 accepted + 2 rejected`, the line every run ends with.
    public var accountingLine: String {
        "read \(rowsRead) rows: \(accepted) accepted + \(rejected) rejected"
            + " (new \(newComments), changed \(changedComments), unchanged \(unchangedComments)"
            + (staleComments > 0 ? ", older than stored \(staleComments)" : "")
            + (withdrawnRows > 0 ? ", withdrawn earlier \(withdrawnRows)" : "")
            + (supersededRows > 0 ? ", superseded by a later file \(supersededRows))" : ")")
            + (withdrawn > 0 ? "; withdrew \(withdrawn) missing from the complete export" : "")
    }
}

/// The nightly job and its three steps. Every command that touches the store holds its lock.
public enum NightlyRun {
    /// `resonanz run`: read the files, merge their comments into the store, analyse all stored
    /// comments, stage the reports, store the run in one transaction, put the reports in place,
    /// mark the run complete.
    public static func run(_ options: RunOptions, logger: Logger) throws(ResonanzError) -> RunSummary {
        var clock = StageClock()
        let framework = try loadFramework(options.framework)
        // Input files first: a bad file fails the run before the store is touched.
        var ingest = try readComments(options, framework: framework, logger: logger)
        clock.lap("read")
        let startedAt = timestamp(options.startedAt)
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        CrashPoint.afterLock.reach()
        var withdrawn: [String] = []
        if options.completeExport && ingest.comments.isEmpty {
            // An export without a single comment is far likelier a failed download than a
            // consultation whose every comment was deleted; withdrawal cannot be undone.
            logger.warning("the complete export holds no comment: nothing withdrawn")
        } else if options.completeExport {
            withdrawn = try session.withdrawMissing(from: ingest.comments, at: startedAt)
            if !withdrawn.isEmpty { logger.notice("withdrew \(withdrawn.count) comments the complete export no longer contains") }
        }
        var summary = try analyseAndPublish(
            session: session, ingest: &ingest, framework: framework, options: options, startedAt: startedAt, logger: logger,
            clock: &clock)
        summary.withdrawn = withdrawn.count
        if !withdrawn.isEmpty { try session.purge() }
        return summary
    }

    /// A run's work once its files are read and its store is locked: plan, analyse every stored
    /// comment, stage the reports, store the run, put the reports in place, mark it complete.
    /// `ingest`'s comments are let go once planned (the plan holds what the store takes in).
    static func analyseAndPublish(
        session: StoreSession, ingest: inout IngestResult, framework: Framework, options: RunOptions, startedAt: String,
        logger: Logger, clock: inout StageClock
    ) throws(ResonanzError) -> RunSummary {
        let resources = try ResourceLocator.loadResources(explicit: options.resources)
        let confidenceModel = try ResourceLocator.loadConfidenceModel(
            resources: options.resources, explicit: options.confidenceModel)
        let templates = try ResourceLocator.loadTemplates(resources: options.resources, override: options.templates)
        var plan = try session.plan(ingest.comments)
        ingest.releaseComments()
        clock.lap("store")
        let manifest = try makeManifest(
            options, framework: framework, inputs: try hashInputs(options.comments), plan: plan,
            confidenceModel: confidenceModel, startedAt: startedAt)
        var intake = Intake(ingest)
        intake.withdrawnRows = plan.withdrawnRows
        intake.withdrawnComments = plan.withdrawnTotal
        let result = try analyse(
            &plan, framework: framework, intake: intake, manifest: manifest, resources: resources,
            confidenceModel: confidenceModel, options: options, logger: logger, clock: &clock)
        logger.info("writing reports to \(options.output)")
        let staged = try ReportFiles.stage(
            result, in: URL(fileURLWithPath: options.output), templates: templates, language: options.language,
            extra: try exports(result, options: options, resources: resources), threads: options.pipeline.threads)
        clock.lap("render")

        CrashPoint.beforeCommit.reach()
        let sequence = try session.commit(
            .run, plan: plan, ingest: ingest, manifest: manifest, result: result, options: options, timings: clock.laps)
        CrashPoint.afterCommit.reach()
        try ReportFiles.publish(staged)
        CrashPoint.afterReports.reach()
        try session.markComplete(sequence)
        return summary(ingest: ingest, plan: plan, result: result, options: options)
    }

    /// `resonanz withdraw`: removes the comments `ids` from the store (their text from every
    /// table, with a tombstone that keeps a later export from bringing them back), analyses the
    /// remaining comments and publishes reports without them, rewrites the store's file so that
    /// no freed page keeps their text, and removes review files in the output folder that quote them.
    public static func withdraw(
        _ ids: [String], reason: String, options: RunOptions, logger: Logger
    ) throws(ResonanzError)
        -> WithdrawSummary
    {
        var clock = StageClock()
        let framework = try loadFramework(options.framework)
        let startedAt = timestamp(options.startedAt)
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        let stored: [String]
        do {
            stored = try session.store.withdraw(ids, reason: reason, at: startedAt)
        } catch {
            throw ResonanzError(error)
        }
        var runOptions = options
        runOptions.comments = []
        var nothingRead = IngestResult()
        let summary = try analyseAndPublish(
            session: session, ingest: &nothingRead, framework: framework, options: runOptions, startedAt: startedAt,
            logger: logger, clock: &clock)
        try session.purge()
        // Review files show an id that holds contact details as its pseudonym: look for both.
        let shown =
            stored
            + [Redactor.Labels.german, .english].flatMap { labels in
                stored.map { Redactor(labels: labels).identifier($0) }
            }
        var removed: [String] = []
        for name in ["review-queue.csv", "audit.csv"] {
            let url = URL(fileURLWithPath: options.output).appendingPathComponent(name)
            guard let content = try? String(contentsOf: url, encoding: .utf8), shown.contains(where: content.contains) else {
                continue
            }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(name) }
        }
        return WithdrawSummary(requested: ids.count, withdrawn: stored.count, removedFiles: removed, run: summary)
    }

    /// `resonanz ingest`: read the files and store their comments, without analysis.
    public static func ingest(_ options: RunOptions, logger: Logger) throws(ResonanzError) -> RunSummary {
        var clock = StageClock()
        let framework = try loadFramework(options.framework)
        let startedAt = timestamp(options.startedAt)
        let ingest = try readComments(options, framework: framework, logger: logger)
        clock.lap("read")
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        let plan = try session.plan(ingest.comments)
        let manifest = try makeManifest(
            options, framework: framework, inputs: try hashInputs(options.comments), plan: plan,
            confidenceModel: nil, startedAt: startedAt)
        _ = try session.commit(
            .ingest, plan: plan, ingest: ingest, manifest: manifest, result: nil, options: options, timings: clock.laps)
        return summary(ingest: ingest, plan: plan, result: nil, options: options)
    }

    /// `resonanz analyze`: analyse the stored comments and store the result, without reading
    /// files. The rows, rejected rows, warnings and inputs of the ingests since the last analysis
    /// go into its report, so `ingest` + `analyze` + `report` give what `run` gives.
    public static func analyze(_ options: RunOptions, logger: Logger) throws(ResonanzError) -> RunSummary {
        var clock = StageClock()
        let framework = try loadFramework(options.framework)
        let resources = try ResourceLocator.loadResources(explicit: options.resources)
        let confidenceModel = try ResourceLocator.loadConfidenceModel(
            resources: options.resources, explicit: options.confidenceModel)
        let startedAt = timestamp(options.startedAt)
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        let pending: PendingIntake
        do {
            pending = try session.store.pendingIntake()
        } catch {
            throw ResonanzError(error)
        }
        var plan = try session.plan([])
        let manifest = try makeManifest(
            options, framework: framework, inputs: pending.inputs, plan: plan, confidenceModel: confidenceModel,
            startedAt: startedAt)
        var intake = pending.intake
        intake.withdrawnComments = plan.withdrawnTotal
        let result = try analyse(
            &plan, framework: framework, intake: intake, manifest: manifest, resources: resources,
            confidenceModel: confidenceModel, options: options, logger: logger, clock: &clock)
        _ = try session.commit(
            .analyze, plan: plan, ingest: IngestResult(), manifest: manifest, result: result, options: options,
            timings: clock.laps)
        return summary(ingest: IngestResult(), plan: plan, result: result, options: options)
    }

    /// `resonanz report`: write the reports of the latest finished analysis in the store.
    public static func report(_ options: RunOptions, logger: Logger) throws(ResonanzError) -> [String] {
        guard FileManager.default.fileExists(atPath: options.storePath) else {
            throw .badInput("\(options.storePath): no store here; run `resonanz run` or `resonanz analyze` first")
        }
        let framework = try loadFramework(options.framework)
        let templates = try ResourceLocator.loadTemplates(resources: options.resources, override: options.templates)
        let session = try StoreSession(options, framework: framework, startedAt: timestamp(options.startedAt), logger: logger)
        let latest: RunResult?
        do {
            latest = try session.store.latestResult()
        } catch {
            throw ResonanzError(error)
        }
        guard let result = latest else {
            throw .badInput("\(options.storePath): the store holds no finished analysis yet; run `resonanz analyze`")
        }
        logger.info("writing reports to \(options.output)")
        var extra: [(path: String, content: String)] = []
        if options.researchExport {
            let resources = try ResourceLocator.loadResources(explicit: options.resources)
            extra = try exports(result, options: options, resources: resources)
        }
        return try ReportFiles.write(
            result, to: URL(fileURLWithPath: options.output), templates: templates, language: options.language, extra: extra,
            threads: options.pipeline.threads)
    }

    /// The files `--export` asks for beside the reports.
    static func exports(
        _ result: RunResult, options: RunOptions, resources: AnalyzerResources
    ) throws(ResonanzError)
        -> [(path: String, content: String)]
    {
        guard options.researchExport else { return [] }
        return try ResearchExport.files(
            result, resources: resources, language: options.language, threads: options.pipeline.threads)
    }

    // MARK: - Steps

    /// Ids from a file, one per line (blank lines and lines starting with `#` skipped).
    public static func readIDList(_ path: String) throws(ResonanzError) -> [String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .failed("\(path): cannot read the list of ids: \(error.localizedDescription)")
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The `--columns` file (``ColumnFile``).
    public static func loadColumnFile(_ path: String) throws(ResonanzError) -> ColumnFile {
        do {
            return try ColumnFile.load(path)
        } catch {
            throw ResonanzError(error)
        }
    }

    public static func loadFramework(_ path: String) throws(ResonanzError) -> Framework {
        do {
            return try FrameworkLoader.load(URL(fileURLWithPath: path))
        } catch {
            throw ResonanzError(error)
        }
    }

    static func readComments(
        _ options: RunOptions, framework: Framework, logger: Logger
    ) throws(ResonanzError)
        -> IngestResult
    {
        logger.info("reading comments from \(options.comments.joined(separator: ", "))")
        let ingest: IngestResult
        do {
            ingest = try CommentReader.read(
                options.comments.map { URL(fileURLWithPath: $0) },
                goals: GoalMatcher(goals: framework.goals.map { ($0.id, $0.title) }),
                options: options.read)
        } catch {
            throw ResonanzError(error)
        }
        // What each file gave for which field, and the warnings counted per kind.
        for use in ingest.columns { logger.notice("columns: \(use.description)") }
        for summary in WarningSummary.of(ingest.warnings) { logger.warning("\(summary.description)") }
        return ingest
    }

    /// Analyses the plan's comments; takes them out of `plan` (nothing after the analysis reads
    /// them there: the store commits the plan's changes), so they are not held twice.
    static func analyse(
        _ plan: inout StoreSession.Plan, framework: Framework, intake: Intake, manifest: RunManifest,
        resources: AnalyzerResources,
        confidenceModel: ConfidenceModel, options: RunOptions, logger: Logger, clock: inout StageClock
    ) throws(ResonanzError) -> RunResult {
        let reviews = plan.reviews
        let comments = plan.corpus.map(\.comment)
        plan.corpus = []
        var result: RunResult
        // Each step's time is recorded when the next one starts, under the earlier one's name.
        var running: PipelineStep?
        do {
            result = try AnalysisPipeline.run(
                framework: framework, comments: comments, intake: intake, resources: resources,
                manifest: manifest, configuration: options.pipeline, confidenceModel: confidenceModel, reviews: reviews,
                audit: plan.audit,
                previousTopics: PreviousTopics(plan.baseline?.snapshot),
                progress: { step in
                    if let running { clock.lap(running.name) } else { clock.lap("prepare") }
                    running = step
                    logger.info("\(step)")
                })
        } catch {
            throw ResonanzError(error)
        }
        if let running { clock.lap(running.name) }
        result.changes = ChangeReport(
            result: result, baseline: plan.baseline?.snapshot, newIDs: plan.newSinceBaseline,
            changedIDs: plan.changedSinceBaseline)
        return result
    }

    static func summary(ingest: IngestResult, plan: StoreSession.Plan, result: RunResult?, options: RunOptions) -> RunSummary {
        RunSummary(
            rowsRead: ingest.rowsRead, accepted: ingest.accepted, rejected: ingest.rejected.count,
            newComments: plan.changes.new.count + plan.changes.recoveredNew,
            changedComments: plan.changes.changed.count + plan.changes.recoveredChanged,
            unchangedComments: plan.changes.unchanged, staleComments: plan.changes.stale, supersededRows: ingest.superseded,
            warnings: ingest.warnings.count,
            assigned: result?.comments.filter { $0.status == .assigned }.count ?? 0,
            uncertain: result?.comments.filter { $0.status == .uncertain }.count ?? 0,
            unassigned: result?.comments.filter { $0.status == .unassigned }.count ?? 0, storePath: options.storePath,
            outputFolder: result == nil ? nil : options.output, withdrawnRows: plan.withdrawnRows)
    }

    /// The input files (or folders) of a run with their hashes, in the order given.
    static func hashInputs(_ paths: [String]) throws(ResonanzError) -> [InputFile] {
        var inputs: [InputFile] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let hash = isDirectory.boolValue ? try FileOutput.sha256(ofFolder: url) : try FileOutput.sha256(of: url)
            inputs.append(InputFile(path: path, sha256: hash))
        }
        return inputs
    }

    /// The manifest of a run over `inputs`; its id hashes everything that decides the reports.
    static func makeManifest(
        _ options: RunOptions, framework: Framework, inputs: [InputFile], plan: StoreSession.Plan,
        confidenceModel: ConfidenceModel?, startedAt: String
    ) throws(ResonanzError) -> RunManifest {
        let corpusSHA256 = plan.corpusSHA256
        let frameworkHash = try FileOutput.sha256(of: URL(fileURLWithPath: options.framework))
        let inputHash = ContentHash.sha256(inputs.map(\.sha256).joined(separator: "\n"))
        let settings = options.pipeline
        // Settings and model as sorted-key JSON: their values, not Swift's way of printing a
        // struct, which changes when a field is renamed or added with its default. The whole
        // model counts: its count interval decides the estimates the reports show.
        let identity = [
            corpusSHA256, frameworkHash, "\(settings.seed)", ResonanzVersion.current, try canonical(settings.assignment),
            "\(settings.keywordLimit)", "\(settings.keywordMinimumComments)", "\(settings.phraseMinimumComments)",
            try canonical(settings.topics), plan.reviewsSHA256, plan.auditKey,
            try confidenceModel.map { model throws(ResonanzError) in try canonical(model) } ?? "",
        ].joined(separator: "|")
        return RunManifest(
            id: String(ContentHash.sha256(identity).prefix(16)), startedAt: startedAt,
            frameworkID: framework.id, frameworkSHA256: frameworkHash, inputSHA256: inputHash, inputFiles: inputs,
            corpusSHA256: corpusSHA256, seed: settings.seed, threads: settings.threads,
            programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
    }

    /// `value` as JSON with sorted keys, for hashing.
    static func canonical<Value: Encodable>(_ value: Value) throws(ResonanzError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .failed("cannot encode the run's settings: \(error)")
        }
    }

    /// ISO 8601 UTC time of `date`, else of `SOURCE_DATE_EPOCH`, else of now.
    static func timestamp(_ date: Date?) -> String {
        let environment = ProcessInfo.processInfo.environment
        let moment =
            date ?? environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) }
            ?? Date()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: moment)
    }

    /// The `id` of the framework at `path`, for the default output folder.
    public static func frameworkID(of path: String) throws(ResonanzError) -> String {
        try loadFramework(path).id
    }
}

/// Seconds per stage, for the run's manifest (not for reports: they must not depend on speed).
struct StageClock {
    private var last = Date()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = Date()
        laps.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
