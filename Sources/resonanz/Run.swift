import ArgumentParser
import Foundation
import Workflows

/// Where reports and the store go.
struct StoreOptions: ParsableArguments {
    @Option(help: "Output folder of the reports (default: reports/<framework-id>).")
    var out: String?

    @Option(help: "The SQLite store (default: resonanz.sqlite in the output folder).")
    var db: String?

    @Flag(help: "Wait while another run uses the store, instead of exiting with 2.")
    var wait = false

    func output(framework: String) throws(ResonanzError) -> String {
        if let out { return out }
        return "reports/" + (try NightlyRun.frameworkID(of: framework))
    }

    /// The options of a command on the store of `framework`; the caller adds what it analyses with.
    func runOptions(framework: String, comments: [String] = []) throws(ResonanzError) -> RunOptions {
        RunOptions(framework: framework, comments: comments, output: try output(framework: framework), database: db, wait: wait)
    }
}

/// The framework and comment files of `run` and `ingest`.
struct InputOptions: ParsableArguments {
    @Option(help: "Framework file (YAML or JSON) with goals and measures.")
    var framework: String

    @Option(parsing: .upToNextOption, help: "Comment files (.csv, .tsv, .jsonl) or folders of .txt files.")
    var comments: [String]

    @Flag(help: "Exit with status 3 when any row was rejected.")
    var strict = false

    @Flag(help: "No progress messages.")
    var quiet = false

    func validate() throws {
        guard !comments.isEmpty else { throw ValidationError("--comments needs at least one path") }
    }

    /// Exit 3 under `--strict` once the summary is printed.
    func checkStrict(_ summary: RunSummary) throws(ResonanzError) {
        if strict && summary.rejected > 0 { throw .rejectedRows(count: summary.rejected) }
    }
}

/// The lines every writing command ends with.
func printSummary(_ summary: RunSummary) {
    print(summary.accountingLine)
    if let folder = summary.outputFolder {
        print(
            "\(summary.assigned) assigned, \(summary.uncertain) uncertain, \(summary.unassigned) unassigned; "
                + "reports in \(folder), store \(summary.storePath)")
    } else {
        print("store \(summary.storePath)")
    }
}

extension ResonanzCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The nightly job: store new comments, analyse all stored ones, write the reports.",
            discussion: """
                Reads the comment files, adds what is new or changed to the store (reading a file \
                twice adds nothing), analyses every stored comment, and writes report.json, report.md, \
                goals/<goal-id>.md, assignments.csv and rejected.jsonl. Rows that cannot be used are \
                listed in rejected.jsonl and counted; they fail the run only with --strict (exit 3). \
                A second run on the same store waits with --wait, or exits with 2.

                Example:
                  resonanz run --framework corpora/jena-hf4/framework.yaml \\
                    --comments corpora/jena-hf4/comments.csv --out reports/jena-hf4
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var commentOptions: CommentOptions
        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var analysisOptions: AnalysisOptions
        @OptionGroup var topicOptions: TopicOptions
        @OptionGroup var reportOptions: ReportOptions

        @Flag(
            help: ArgumentHelp(
                "The files are the platform's complete export: withdraw stored comments they no longer hold.",
                discussion:
                    "For an export that always holds every comment of the consultation; a comment deleted on the platform then leaves the store and the reports as with 'resonanz withdraw'."
            ))
        var completeExport = false

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var options = try storeOptions.runOptions(framework: input.framework, comments: input.comments)
                options.completeExport = completeExport
                options.read = try commentOptions.settings.readOptions()
                analysisOptions.apply(to: &options, resources: resourceOptions, topics: topicOptions)
                reportOptions.apply(to: &options)
                let summary = try NightlyRun.run(options, logger: makeLogger(quiet: input.quiet))
                printSummary(summary)
                try input.checkStrict(summary)
            }
        }
    }
}
