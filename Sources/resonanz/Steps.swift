import ArgumentParser
import Workflows

extension ResonanzCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Step 1 of run: store new and changed comments, without analysis.",
            discussion: """
                Example:
                  resonanz ingest --framework corpora/jena-hf4/framework.yaml \\
                    --comments corpora/jena-hf4/comments.csv --out reports/jena-hf4
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var commentOptions: CommentOptions

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var options = try storeOptions.runOptions(framework: input.framework, comments: input.comments)
                options.read = try commentOptions.settings.readOptions()
                let summary = try NightlyRun.ingest(options, logger: makeLogger(quiet: input.quiet))
                printSummary(summary)
                try input.checkStrict(summary)
            }
        }
    }

    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Step 2 of run: analyse the stored comments and store the result.",
            discussion: """
                Example:
                  resonanz analyze --framework corpora/jena-hf4/framework.yaml \\
                    --out reports/jena-hf4
                """)

        @Option(help: "Framework file (YAML or JSON) with goals and measures.")
        var framework: String

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var analysisOptions: AnalysisOptions
        @OptionGroup var topicOptions: TopicOptions

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var options = try storeOptions.runOptions(framework: framework)
                analysisOptions.apply(to: &options, resources: resourceOptions, topics: topicOptions)
                let summary = try NightlyRun.analyze(options, logger: makeLogger(quiet: quiet))
                print(
                    "\(summary.assigned) assigned, \(summary.uncertain) uncertain, \(summary.unassigned) unassigned; store \(summary.storePath)"
                )
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Step 3 of run: write the reports of the latest stored analysis.",
            discussion: """
                Example:
                  resonanz report --framework corpora/jena-hf4/framework.yaml \\
                    --out reports/jena-hf4
                """)

        @Option(help: "Framework file; names the default output folder.")
        var framework: String

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var reportOptions: ReportOptions

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var options = try storeOptions.runOptions(framework: framework)
                reportOptions.apply(to: &options)
                let files = try NightlyRun.report(options, logger: makeLogger(quiet: quiet))
                print("wrote \(files.count) files to \(options.output)")
            }
        }
    }
}
