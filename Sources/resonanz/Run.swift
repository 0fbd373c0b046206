import ArgumentParser
import Workflows

extension ResonanzCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The nightly job: read the comments, analyse them, write the reports.",
            discussion: """
                Writes report.json, report.md, goals/<goal-id>.md, assignments.csv and rejected.jsonl \
                into the output folder. Rows that cannot be used are listed in rejected.jsonl and \
                counted; they fail the run only with --strict (exit 3).

                Example:
                  resonanz run --framework corpora/jena-hf4/framework.yaml \\
                    --comments corpora/jena-hf4/comments.csv --out reports/jena-hf4
                """)

        @Option(help: "Framework file (YAML or JSON) with goals and measures.")
        var framework: String

        @Option(parsing: .upToNextOption, help: "Comment files (.csv, .tsv, .jsonl) or folders of .txt files.")
        var comments: [String]

        @Option(help: "Output folder (default: reports/<framework-id>).")
        var out: String?

        @Flag(help: "Exit with status 3 when any row was rejected.")
        var strict = false

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var commentOptions: CommentOptions
        @OptionGroup var analysisOptions: AnalysisOptions

        func validate() throws {
            guard !comments.isEmpty else { throw ValidationError("--comments needs at least one path") }
        }

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                let logger = makeLogger(quiet: quiet)
                var output = out ?? ""
                if out == nil { output = try defaultOutput() }
                let summary = try NightlyRun.run(
                    RunOptions(
                        framework: framework, comments: comments, output: output,
                        resources: commentOptions.resources, read: commentOptions.readOptions,
                        pipeline: analysisOptions.configuration, strict: strict),
                    logger: logger)
                print(summary.accountingLine)
                print(
                    "\(summary.assigned) assigned, \(summary.uncertain) uncertain, \(summary.unassigned) unassigned; "
                        + "reports in \(summary.outputFolder)")
                if strict && summary.rejected > 0 { throw .rejectedRows(count: summary.rejected) }
            }
        }

        private func defaultOutput() throws(ResonanzError) -> String {
            "reports/" + (try NightlyRun.frameworkID(of: framework))
        }
    }
}
