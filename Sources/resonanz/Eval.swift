import ArgumentParser
import Workflows

extension ResonanzCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure quality on labelled data.",
            subcommands: [Measures.self, Stemmer.self],
            defaultSubcommand: Measures.self)

        struct Measures: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Assignment quality against the comments' gold `labels` (JSON on stdout).",
                discussion: """
                    Example:
                      resonanz eval --framework corpora/ottensen/framework.yaml \\
                        --comments corpora/ottensen/comments.jsonl
                    """)

            @Option(help: "Framework file (YAML or JSON).")
            var framework: String

            @Option(parsing: .upToNextOption, help: "Labelled comment files.")
            var comments: [String]

            @OptionGroup var commentOptions: CommentOptions
            @OptionGroup var resourceOptions: ResourceOptions
            @OptionGroup var analysisOptions: AnalysisOptions

            func run() throws {
                try runWorkflow { () throws(ResonanzError) in
                    print(
                        try Inspection.evaluateAssignment(
                            framework: framework, comments: comments, resources: resourceOptions.resources,
                            read: commentOptions.readOptions, pipeline: analysisOptions.configuration),
                        terminator: "")
                }
            }
        }

        struct Stemmer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Score the CISTEM stemmer on gold standards (one cluster of word forms per line).",
                discussion: """
                    Example:
                      resonanz eval stemmer ../shared/data/cistem-goldstandards/gs1.txt \\
                        ../shared/data/cistem-goldstandards/gs2.txt
                    """)

            @Argument(help: "Gold-standard files.")
            var goldFiles: [String]

            func run() throws {
                try runWorkflow { () throws(ResonanzError) in
                    print(try Inspection.evaluateStemmer(goldFiles: goldFiles), terminator: "")
                }
            }
        }
    }
}
