import Analytics
import ArgumentParser
import Corpus
import Foundation
import Logging
import Reports
import Workflows

/// Runs a workflow, printing its error and mapping it to the contract's exit code.
func runWorkflow(_ body: () throws(ResonanzError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("resonanz: error: \(TerminalText.safe(error.description))\(hint(error))\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

/// What to do about a failure, in the command line's own words.
func hint(_ error: ResonanzError) -> String {
    switch error {
    case .rejectedRows: return " (--strict)"
    default: break
    }
    switch error.remedy {
    case .waitForStore: return "; wait for it, or pass --wait"
    case .useAnotherStore: return "; give another --db or --out"
    case .nameResources: return "; or pass --resources DIR"
    case nil: return ""
    }
}

/// A swift-log logger on stderr: progress (info) only when stderr is a terminal and `quiet` is
/// off; notices (which column of a file was read as what), warnings and errors always.
func makeLogger(quiet: Bool) -> Logger {
    let showProgress = !quiet && isatty(STDERR_FILENO) == 1
    var logger = Logger(label: "resonanz") { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = showProgress ? .info : .notice
        return SafeLogHandler(handler)
    }
    logger.logLevel = showProgress ? .info : .notice
    return logger
}

/// Options shared by commands that read comments.
struct CommentOptions: ParsableArguments {
    @Option(help: "Encoding of CSV/TSV files: auto, utf-8 or windows-1252.")
    var encoding: String = "auto"

    @Option(help: "Column (or JSON key) holding the comment id.")
    var idColumn: String?

    @Option(help: "Column (or JSON key) holding the comment text.")
    var textColumn: String?

    @Option(help: "Column (or JSON key) holding the goal id.")
    var goalColumn: String?

    @Option(help: "Column (or JSON key) holding the date.")
    var dateColumn: String?

    @Option(help: "Column (or JSON key) holding the author's name or pseudonym (only counted).")
    var authorColumn: String?

    @Option(help: "Column (or JSON key) holding the id of the comment this one replies to.")
    var parentColumn: String?

    @Option(help: "Column (or JSON key) holding a title, joined before the text.")
    var titleColumn: String?

    @Option(help: "Pattern of dates in no usual form, e.g. 'dd/MM/yyyy HH:mm' (Unicode date-format syntax).")
    var dateFormat: String?

    @Option(help: "Time zone of dates with a time but no offset (default Europe/Berlin).")
    var timezone = "Europe/Berlin"

    @Option(
        help: ArgumentHelp(
            "A file that names the columns, so the command line stays short.",
            discussion:
                "JSON or YAML with any of id, text, title, goal, date, author, parent, date_format, timezone, encoding; options given on the command line win."
        ))
    var columns: String?

    @Option(help: "Reject texts longer than this many characters.")
    var maxTextLength: Int = 20_000

    func validate() throws {
        guard Corpus.CommentReadOptions.Encoding(rawValue: encoding) != nil else {
            throw ValidationError("--encoding must be auto, utf-8 or windows-1252")
        }
        guard (1...10_000_000).contains(maxTextLength) else {
            throw ValidationError("--max-text-length must lie between 1 and 10000000")
        }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("--timezone '\(timezone)' is no time zone (e.g. Europe/Berlin, UTC)")
        }
    }

    /// The options, from the command line and the `--columns` file (the command line wins).
    func readOptions() throws(ResonanzError) -> Corpus.CommentReadOptions {
        let file = try columns.map { path throws(ResonanzError) in try NightlyRun.loadColumnFile(path) } ?? ColumnFile()
        let zone = TimeZone(identifier: timezone == "Europe/Berlin" ? (file.timezone ?? timezone) : timezone)
        return Corpus.CommentReadOptions(
            encoding: .init(rawValue: encoding == "auto" ? (file.encoding ?? encoding) : encoding) ?? .auto,
            idColumn: idColumn ?? file.id, textColumn: textColumn ?? file.text, goalColumn: goalColumn ?? file.goal,
            dateColumn: dateColumn ?? file.date, authorColumn: authorColumn ?? file.author,
            parentColumn: parentColumn ?? file.parent, titleColumn: titleColumn ?? file.title,
            maximumTextLength: maxTextLength,
            dates: DateReader(
                timeZone: zone ?? TimeZone(identifier: "Europe/Berlin") ?? .current, format: dateFormat ?? file.dateFormat))
    }
}

/// Where the analyzer's word lists are: for every command that analyses text.
struct ResourceOptions: ParsableArguments {
    @Option(help: "Folder holding stopwords/ and lexicon/ (default: found next to the program).")
    var resources: String?
}

/// Options of the analysis itself.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "Seed for randomised stages (recorded in the report).")
    var seed: UInt64 = 0

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Confidence (0–1) a comment needs to be assigned to a measure.")
    var threshold: Double = MeasureAssigner.Settings().assignAt

    @Option(help: "Confidence below which a comment fits no measure; between it and --threshold it is uncertain.")
    var reviewFloor: Double = MeasureAssigner.Settings().reviewFloor

    @Option(help: "Confidence model file (default: models/assignment-confidence.json of the resources).")
    var confidenceModel: String?

    @Flag(help: "Leave out query expansion (to compare methods).")
    var noExpansion = false

    @Flag(help: "Leave out Naive Bayes self-training (to compare methods).")
    var noSelfTraining = false

    @Flag(help: "Leave out OpenThesaurus synonyms of the measures' nouns (to compare methods).")
    var noSynonyms = false

    @Option(help: "How firmly each measure's confidences are held against what its reviewed decisions say (0: not at all moved).")
    var reviewPrecision: Double = MeasureAssigner.Settings().reviewPrecision

    func validate() throws {
        guard (1...1024).contains(threads) else { throw ValidationError("--threads must lie between 1 and 1024") }
        guard threshold.isFinite, threshold > 0, threshold < 1 else {
            throw ValidationError("--threshold must lie between 0 and 1 (exclusive)")
        }
        guard reviewFloor.isFinite, reviewFloor > 0, reviewFloor <= threshold else {
            throw ValidationError("--review-floor must lie above 0 and at most --threshold")
        }
        guard reviewPrecision.isFinite, reviewPrecision >= 0 else {
            throw ValidationError("--review-precision must be 0 or more")
        }
    }

    /// Sets the analysis settings, the resource folder and the confidence model of `options`.
    func apply(to options: inout RunOptions, resources: ResourceOptions) {
        options.resources = resources.resources
        options.confidenceModel = confidenceModel
        options.pipeline = configuration
    }

    var configuration: Analytics.PipelineConfiguration {
        var assignment = MeasureAssigner.Settings()
        assignment.assignAt = threshold
        assignment.reviewFloor = reviewFloor
        assignment.reviewPrecision = reviewPrecision
        if noExpansion { assignment.expansion = nil }
        if noSelfTraining { assignment.selfTraining = nil }
        if noSynonyms { assignment.synonymWeight = 0 }
        return Analytics.PipelineConfiguration(threads: threads, seed: seed, assignment: assignment)
    }
}

/// How topics are found: for the commands that analyse a consultation.
struct TopicOptions: ParsableArguments {
    @Option(help: "gsdmm (short-text mixture model, the default) or kmeans (spherical k-means on TF-IDF, faster).")
    var clusterer: String = TopicClustering.Method.gsdmm.rawValue

    @Option(
        help: "Number of topics per goal and for the whole consultation (default: chosen per scope by coherence and stability).")
    var topics: Int?

    func validate() throws {
        guard TopicClustering.Method(rawValue: clusterer) != nil else { throw ValidationError("--clusterer is gsdmm or kmeans") }
        if let topics, !(1...1000).contains(topics) { throw ValidationError("--topics must lie between 1 and 1000") }
    }

    func apply(to configuration: inout Analytics.PipelineConfiguration) {
        configuration.topics.clustering.method = TopicClustering.Method(rawValue: clusterer) ?? .gsdmm
        configuration.topics.fixedTopics = topics
    }
}

/// How reports are written: for the commands that write them.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of report.md and the goal pages: de (default) or en.")
    var language: String = ReportLanguage.de.rawValue

    @Option(help: "Also write research/: tokens.jsonl, dtm.mtx, vocab.tsv, docs.tsv, topic_terms.csv (value: research).")
    var export: [String] = []

    @Option(help: "Folder with report.md.mustache, goal.md.mustache or report.html.mustache replacing the shipped templates.")
    var templates: String?

    func validate() throws {
        guard ReportLanguage(rawValue: language) != nil else { throw ValidationError("--lang is de or en") }
        guard export.allSatisfy({ $0 == "research" }) else { throw ValidationError("--export takes: research") }
    }

    func apply(to options: inout RunOptions) {
        options.language = ReportLanguage(rawValue: language) ?? .de
        options.researchExport = export.contains("research")
        options.templates = templates
    }
}
