import ArgumentParser
import Foundation
import Workflows

extension ResonanzCommand {
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove comments: from the store, every report and the review files.",
            discussion: """
                For a comment deleted on the platform (moderation, or a request under Art. 17 GDPR). \
                Its text leaves every table of the store (current row, earlier versions, results, \
                rejected rows, reviews) and the store's file is rewritten, so that no byte of it is \
                left; the reports are written again without it. A tombstone (id, time, reason, hash) \
                keeps a later export from bringing it back, and the reports count withdrawn comments. \
                Give the analysis options of the nightly run, so that the reports stay comparable.

                Example:
                  resonanz withdraw B-1042 B-1043 --reason "Wunsch der Verfasserin" \\
                    --framework corpora/jena-hf4/framework.yaml --out reports/jena-hf4
                """)

        @Argument(help: "Ids of the comments to withdraw.")
        var ids: [String] = []

        @Option(help: "A file with one id per line (besides or instead of the ids given).")
        var idsFile: String?

        @Option(help: "Why, kept with the tombstone (e.g. 'Löschung auf Wunsch', 'Moderation').")
        var reason = "withdrawn"

        @Option(help: "Framework file (YAML or JSON) with goals and measures.")
        var framework: String

        @Flag(help: "No progress messages.")
        var quiet = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var analysisOptions: AnalysisOptions
        @OptionGroup var topicOptions: TopicOptions
        @OptionGroup var reportOptions: ReportOptions

        func validate() throws {
            guard !ids.isEmpty || idsFile != nil else { throw ValidationError("give the ids to withdraw, or --ids-file") }
        }

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var all = ids
                if let idsFile { all += try NightlyRun.readIDList(idsFile) }
                var options = try storeOptions.runOptions(framework: framework)
                analysisOptions.apply(to: &options, resources: resourceOptions, topics: topicOptions)
                reportOptions.apply(to: &options)
                let result = try NightlyRun.withdraw(all, reason: reason, options: options, logger: makeLogger(quiet: quiet))
                let unknown = result.requested - result.withdrawn
                print(
                    "withdrew \(result.withdrawn) of \(result.requested) comments"
                        + (unknown > 0 ? " (\(unknown) not in the store: tombstoned, so no later export brings them in)" : ""))
                for file in result.removedFiles { print("removed \(file): it quoted a withdrawn comment") }
                printSummary(result.run)
            }
        }
    }
}
