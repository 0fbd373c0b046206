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
                let summary = try NightlyRun.ingest(
                    RunOptions(
                        framework: input.framework, comments: input.comments,
                        output: try storeOptions.output(framework: input.framework), database: storeOptions.db,
                        wait: storeOptions.wait, read: commentOptions.readOptions),
                    logger: makeLogger(quiet: input.quiet))
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
                  resonanz analyze --framework corpora/jena-hf4/framework.yaml --out reports/jena-hf4
                """)

        @Option(help: "Framework file (YAML or JSON) with goals and measures.")
        var framework: String

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var analysisOptions: AnalysisOptions

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                let summary = try NightlyRun.analyze(
                    RunOptions(
                        framework: framework, comments: [], output: try storeOptions.output(framework: framework),
                        database: storeOptions.db, wait: storeOptions.wait, resources: resourceOptions.resources,
                        confidenceModel: analysisOptions.confidenceModel, pipeline: analysisOptions.configuration),
                    logger: makeLogger(quiet: quiet))
                print("\(summary.assigned) assigned, \(summary.uncertain) uncertain, \(summary.unassigned) unassigned; store \(summary.storePath)")
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Step 3 of run: write the reports of the latest stored analysis.",
            discussion: """
                Example:
                  resonanz report --framework corpora/jena-hf4/framework.yaml --out reports/jena-hf4
                """)

        @Option(help: "Framework file; names the default output folder.")
        var framework: String

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                let output = try storeOptions.output(framework: framework)
                let files = try NightlyRun.report(
                    RunOptions(framework: framework, comments: [], output: output, database: storeOptions.db, wait: storeOptions.wait),
                    logger: makeLogger(quiet: quiet))
                print("wrote \(files.count) files to \(output)")
            }
        }
    }
}
