import Analytics
import Corpus
import Foundation
import Logging
import Reports
import TextAnalysis

/// Everything `resonanz run` is told.
public struct RunOptions: Sendable {
    public var framework: String
    public var comments: [String]
    public var output: String
    public var resources: String?
    public var read: CommentReadOptions
    public var pipeline: PipelineConfiguration
    /// With `--strict`, the command exits with 3 after a run that rejected rows.
    public var strict: Bool
    /// Start time to record; nil means now (or `SOURCE_DATE_EPOCH` when set).
    public var startedAt: Date?

    public init(
        framework: String, comments: [String], output: String, resources: String? = nil,
        read: CommentReadOptions = CommentReadOptions(), pipeline: PipelineConfiguration = PipelineConfiguration(),
        strict: Bool = false, startedAt: Date? = nil
    ) {
        self.framework = framework
        self.comments = comments
        self.output = output
        self.resources = resources
        self.read = read
        self.pipeline = pipeline
        self.strict = strict
        self.startedAt = startedAt
    }
}

/// What a run did, for the closing line on the terminal.
public struct RunSummary: Sendable {
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var warnings: Int
    public var assigned: Int
    public var uncertain: Int
    public var unassigned: Int
    public var outputFolder: String
    public var files: [String]

    /// `read 456 rows: 454 accepted + 2 rejected`.
    public var accountingLine: String {
        "read \(rowsRead) rows: \(accepted) accepted + \(rejected) rejected"
    }
}

/// `resonanz run`: read the framework and comments, analyse, write the reports.
public enum NightlyRun {
    public static func run(_ options: RunOptions, logger: Logger) throws(ResonanzError) -> RunSummary {
        let frameworkURL = URL(fileURLWithPath: options.framework)
        let framework: Framework
        do {
            framework = try FrameworkLoader.load(frameworkURL)
        } catch {
            throw ResonanzError(error)
        }
        let resources = try ResourceLocator.loadResources(explicit: options.resources)

        logger.info("reading comments from \(options.comments.joined(separator: ", "))")
        let commentURLs = options.comments.map { URL(fileURLWithPath: $0) }
        let ingest: IngestResult
        do {
            ingest = try CommentReader.read(commentURLs, goalIDs: Set(framework.goals.map(\.id)), options: options.read)
        } catch {
            throw ResonanzError(error)
        }
        for warning in ingest.warnings { logger.warning("\(warning)") }

        let manifest = try makeManifest(options, framework: framework, frameworkURL: frameworkURL, commentURLs: commentURLs)
        let result: RunResult
        do {
            result = try AnalysisPipeline.run(
                framework: framework, ingest: ingest, resources: resources, manifest: manifest,
                configuration: options.pipeline, progress: { logger.info("\($0)") })
        } catch {
            throw ResonanzError(error)
        }

        logger.info("writing reports to \(options.output)")
        let files = try ReportFiles.write(result, to: URL(fileURLWithPath: options.output))
        let summary = RunSummary(
            rowsRead: result.rowsRead, accepted: result.commentsAccepted, rejected: result.commentsRejected,
            warnings: result.warnings.count, assigned: result.comments.filter { $0.status == .assigned }.count,
            uncertain: result.comments.filter { $0.status == .uncertain }.count,
            unassigned: result.comments.filter { $0.status == .unassigned }.count, outputFolder: options.output,
            files: files)
        return summary
    }

    static func makeManifest(_ options: RunOptions, framework: Framework, frameworkURL: URL, commentURLs: [URL])
        throws(ResonanzError) -> RunManifest
    {
        let frameworkHash = try FileOutput.sha256(of: frameworkURL)
        var inputs: [InputFile] = []
        for (path, url) in zip(options.comments, commentURLs) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let hash = isDirectory.boolValue ? try FileOutput.sha256(ofFolder: url) : try FileOutput.sha256(of: url)
            inputs.append(InputFile(path: path, sha256: hash))
        }
        let inputHash = FileOutput.sha256(Data(inputs.map(\.sha256).joined(separator: "\n").utf8))
        let settings = options.pipeline
        let identity = [
            frameworkHash, inputHash, "\(settings.seed)", ResonanzVersion.current, "\(settings.threshold)",
            "\(settings.relativeCutoff)", "\(settings.keywordLimit)", "\(settings.keywordMinimumComments)",
        ].joined(separator: "|")
        return RunManifest(
            id: String(FileOutput.sha256(Data(identity.utf8)).prefix(16)),
            startedAt: timestamp(options.startedAt), frameworkID: framework.id, frameworkSHA256: frameworkHash,
            inputSHA256: inputHash, inputFiles: inputs, seed: settings.seed, threads: settings.threads,
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
}

/// Writes every report file of a run into the output folder.
public enum ReportFiles {
    /// Writes report.json, report.md, goals/*.md, assignments.csv and rejected.jsonl, and removes
    /// goal pages of goals the framework no longer has. Returns the paths written.
    public static func write(_ result: RunResult, to folder: URL) throws(ResonanzError) -> [String] {
        var files: [(path: String, content: String)] = [("report.json", JSONReportRenderer.render(result))]
        files += MarkdownReportRenderer.render(result)
        files.append(("assignments.csv", AssignmentsCSVRenderer.render(result)))
        files.append(("rejected.jsonl", RejectedRowsRenderer.render(result.rejected)))
        for file in files {
            try FileOutput.write(file.content, to: folder.appendingPathComponent(file.path))
        }
        let goalFolder = folder.appendingPathComponent("goals")
        let current = Set(files.map(\.path))
        if let stale = try? FileManager.default.contentsOfDirectory(atPath: goalFolder.path) {
            for name in stale where name.hasSuffix(".md") && !current.contains("goals/\(name)") {
                try? FileManager.default.removeItem(at: goalFolder.appendingPathComponent(name))
            }
        }
        return files.map(\.path)
    }
}

extension NightlyRun {
    /// The `id` of the framework at `path`, for the default output folder.
    public static func frameworkID(of path: String) throws(ResonanzError) -> String {
        do {
            return try FrameworkLoader.load(URL(fileURLWithPath: path)).id
        } catch {
            throw ResonanzError(error)
        }
    }
}
