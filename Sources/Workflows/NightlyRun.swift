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

    /// `read 456 rows: 454 accepted + 2 rejected`, the line every run ends with.
    public var accountingLine: String {
        "read \(rowsRead) rows: \(accepted) accepted + \(rejected) rejected"
            + " (new \(newComments), changed \(changedComments), unchanged \(unchangedComments)"
            + (staleComments > 0 ? ", older than stored \(staleComments)" : "")
            + (supersededRows > 0 ? ", superseded by a later file \(supersededRows))" : ")")
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
        let resources = try ResourceLocator.loadResources(explicit: options.resources)
        let confidenceModel = try ResourceLocator.loadConfidenceModel(
            resources: options.resources, explicit: options.confidenceModel)
        let templates = try ResourceLocator.loadTemplates(resources: options.resources, override: options.templates)
        let startedAt = timestamp(options.startedAt)
        // Input files first: a bad file fails the run before the store is touched.
        let ingest = try readComments(options, framework: framework, logger: logger)
        clock.lap("read")
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        CrashPoint.afterLock.reach()
        let plan = try session.plan(ingest.comments)
        clock.lap("store")
        let manifest = try makeManifest(
            options, framework: framework, inputs: try hashInputs(options.comments), plan: plan,
            confidenceModel: confidenceModel, startedAt: startedAt)
        let result = try analyse(plan, framework: framework, intake: Intake(ingest), manifest: manifest, resources: resources,
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
        let plan = try session.plan([])
        let manifest = try makeManifest(
            options, framework: framework, inputs: pending.inputs, plan: plan, confidenceModel: confidenceModel,
            startedAt: startedAt)
        let result = try analyse(plan, framework: framework, intake: pending.intake, manifest: manifest, resources: resources,
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
    static func exports(_ result: RunResult, options: RunOptions, resources: AnalyzerResources) throws(ResonanzError)
        -> [(path: String, content: String)]
    {
        guard options.researchExport else { return [] }
        return try ResearchExport.files(result, resources: resources, language: options.language, threads: options.pipeline.threads)
    }

    // MARK: - Steps

    static func loadFramework(_ path: String) throws(ResonanzError) -> Framework {
        do {
            return try FrameworkLoader.load(URL(fileURLWithPath: path))
        } catch {
            throw ResonanzError(error)
        }
    }

    static func readComments(_ options: RunOptions, framework: Framework, logger: Logger) throws(ResonanzError)
        -> IngestResult
    {
        logger.info("reading comments from \(options.comments.joined(separator: ", "))")
        let ingest: IngestResult
        do {
            ingest = try CommentReader.read(
                options.comments.map { URL(fileURLWithPath: $0) }, goalIDs: Set(framework.goals.map(\.id)), options: options.read)
        } catch {
            throw ResonanzError(error)
        }
        for warning in ingest.warnings { logger.warning("\(warning)") }
        return ingest
    }

    static func analyse(
        _ plan: StoreSession.Plan, framework: Framework, intake: Intake, manifest: RunManifest, resources: AnalyzerResources,
        confidenceModel: ConfidenceModel, options: RunOptions, logger: Logger, clock: inout StageClock
    ) throws(ResonanzError) -> RunResult {
        let reviews = plan.reviews
        var result: RunResult
        // Each step's time is recorded when the next one starts, under the earlier one's name.
        var running: PipelineStep?
        do {
            result = try AnalysisPipeline.run(
                framework: framework, comments: plan.corpus.map(\.comment), intake: intake, resources: resources,
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
            outputFolder: result == nil ? nil : options.output)
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
        let identity = [
            corpusSHA256, frameworkHash, "\(settings.seed)", ResonanzVersion.current, "\(settings.assignment)",
            "\(settings.keywordLimit)", "\(settings.keywordMinimumComments)", "\(settings.phraseMinimumComments)",
            "\(settings.topics)", plan.reviewsSHA256, plan.auditKey,
            confidenceModel.map { "\($0.weights)" } ?? "",
        ].joined(separator: "|")
        return RunManifest(
            id: String(ContentHash.sha256(identity).prefix(16)), startedAt: startedAt,
            frameworkID: framework.id, frameworkSHA256: frameworkHash, inputSHA256: inputHash, inputFiles: inputs,
            corpusSHA256: corpusSHA256, seed: settings.seed, threads: settings.threads,
            programVersion: ResonanzVersion.current, icuVersion: ICUInfo.version)
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
