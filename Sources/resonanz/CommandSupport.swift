import ArgumentParser
import Foundation
import Logging
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
    var timezone = CommentSettings.defaultTimezone

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
        guard CommentSettings.encodings.contains(encoding) else {
            throw ValidationError("--encoding must be \(CommentSettings.encodings.joined(separator: ", "))")
        }
        guard (1...10_000_000).contains(maxTextLength) else {
            throw ValidationError("--max-text-length must lie between 1 and 10000000")
        }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("--timezone '\(timezone)' is no time zone (e.g. Europe/Berlin, UTC)")
        }
    }

    /// The options as Workflows takes them (which merges them with the `--columns` file).
    var settings: CommentSettings {
        var settings = CommentSettings()
        settings.encoding = encoding
        settings.idColumn = idColumn
        settings.textColumn = textColumn
        settings.titleColumn = titleColumn
        settings.goalColumn = goalColumn
        settings.dateColumn = dateColumn
        settings.authorColumn = authorColumn
        settings.parentColumn = parentColumn
        settings.dateFormat = dateFormat
        settings.timezone = timezone
        settings.columnsFile = columns
        settings.maximumTextLength = maxTextLength
        return settings
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
    var threshold: Double = AnalysisSettings().threshold

    @Option(help: "Confidence below which a comment fits no measure; between it and --threshold it is uncertain.")
    var reviewFloor: Double = AnalysisSettings().reviewFloor

    @Option(help: "Confidence model file (default: models/assignment-confidence.json of the resources).")
    var confidenceModel: String?

    @Flag(help: "Leave out query expansion (to compare methods).")
    var noExpansion = false

    @Flag(help: "Leave out Naive Bayes self-training (to compare methods).")
    var noSelfTraining = false

    @Flag(help: "Leave out OpenThesaurus synonyms of the measures' nouns (to compare methods).")
    var noSynonyms = false

    @Option(help: "How firmly each measure's confidences are held against what its reviewed decisions say (0: not at all moved).")
    var reviewPrecision: Double = AnalysisSettings().reviewPrecision

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

    /// Sets the analysis settings (with `topics`, else the default clustering), the resource
    /// folder and the confidence model of `options`.
    func apply(to options: inout RunOptions, resources: ResourceOptions, topics: TopicOptions? = nil) {
        options.resources = resources.resources
        options.confidenceModel = confidenceModel
        options.pipeline = settings(topics: topics).pipeline
    }

    func settings(topics: TopicOptions? = nil) -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.threads = threads
        settings.seed = seed
        settings.threshold = threshold
        settings.reviewFloor = reviewFloor
        settings.reviewPrecision = reviewPrecision
        settings.expansion = !noExpansion
        settings.selfTraining = !noSelfTraining
        settings.synonyms = !noSynonyms
        if let topics {
            settings.clusterer = topics.clusterer
            settings.topics = topics.topics
        }
        return settings
    }
}

/// How topics are found: for the commands that analyse a consultation.
struct TopicOptions: ParsableArguments {
    @Option(help: "gsdmm (short-text mixture model, the default) or kmeans (spherical k-means on TF-IDF, faster).")
    var clusterer: String = AnalysisSettings().clusterer

    @Option(
        help: "Number of topics per goal and for the whole consultation (default: chosen per scope by coherence and stability).")
    var topics: Int?

    func validate() throws {
        guard AnalysisSettings.clusterers.contains(clusterer) else {
            throw ValidationError("--clusterer is \(AnalysisSettings.clusterers.joined(separator: " or "))")
        }
        if let topics, !(1...1000).contains(topics) { throw ValidationError("--topics must lie between 1 and 1000") }
    }

}

/// How reports are written: for the commands that write them.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of report.md and the goal pages: de (default) or en.")
    var language = "de"

    @Option(help: "Also write research/: tokens.jsonl, dtm.mtx, vocab.tsv, docs.tsv, topic_terms.csv (value: research).")
    var export: [String] = []

    @Option(help: "Folder with report.md.mustache, goal.md.mustache or report.html.mustache replacing the shipped templates.")
    var templates: String?

    func validate() throws {
        guard RunOptions.reportLanguages.contains(language) else {
            throw ValidationError("--lang is \(RunOptions.reportLanguages.joined(separator: " or "))")
        }
        guard export.allSatisfy({ $0 == "research" }) else { throw ValidationError("--export takes: research") }
    }

    func apply(to options: inout RunOptions) {
        options.setLanguage(language)
        options.researchExport = export.contains("research")
        options.templates = templates
    }
}
