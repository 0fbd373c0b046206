import ArgumentParser
import Workflows

extension ResonanzCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure quality on labelled data.",
            subcommands: [Measures.self, Calibrate.self, Stemmer.self],
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

            @Option(
                help: ArgumentHelp(
                    "Also simulate the review loop: quality after k reviewed comments, e.g. 0,25,50,100,200.",
                    discussion: "The tool's review queue picks the comments; their gold labels stand in for the reviewer."))
            var learningCurve: String?

            @OptionGroup var commentOptions: CommentOptions
            @OptionGroup var resourceOptions: ResourceOptions
            @OptionGroup var analysisOptions: AnalysisOptions

            func validate() throws {
                guard !comments.isEmpty else { throw ValidationError("--comments needs at least one path") }
                _ = try steps()
            }

            func steps() throws -> [Int] {
                guard let learningCurve else { return [] }
                let steps = learningCurve.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !steps.isEmpty, steps.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                    throw ValidationError("--learning-curve takes counts like 0,25,50,100,200")
                }
                return steps.compactMap { $0 }
            }

            func run() throws {
                let steps = try steps()
                try runWorkflow { () throws(ResonanzError) in
                    print(
                        try AssignmentEval.evaluate(
                            framework: framework, comments: comments, resources: resourceOptions.resources,
                            confidenceModel: analysisOptions.confidenceModel, read: commentOptions.readOptions,
                            pipeline: analysisOptions.configuration, learningCurve: steps),
                        terminator: "")
                }
            }
        }

        struct Calibrate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Fit the confidence model on labelled corpora and write it as JSON.",
                discussion: """
                    Each --corpus is a framework and its labelled comment files, joined by '='
                    and ','. The model maps the assignment's evidence for a (comment, measure)
                    pair to the probability that the pair is right.

                    Example:
                      resonanz eval calibrate \
                        --corpus corpora/ottensen/framework.yaml=corpora/ottensen/comments.jsonl \
                        --output models/assignment-confidence.json
                    """)

            @Option(help: "FRAMEWORK=COMMENTS[,COMMENTS…]; repeat for several corpora.")
            var corpus: [String]

            @Option(help: "Where to write the model.")
            var output: String

            @OptionGroup var commentOptions: CommentOptions
            @OptionGroup var resourceOptions: ResourceOptions
            @OptionGroup var analysisOptions: AnalysisOptions

            func corpora() throws -> [(framework: String, comments: [String])] {
                try corpus.map { item in
                    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                        throw ValidationError("--corpus takes FRAMEWORK=COMMENTS[,COMMENTS…], got '\(item)'")
                    }
                    return (parts[0], parts[1].split(separator: ",").map(String.init))
                }
            }

            func validate() throws {
                guard !corpus.isEmpty else { throw ValidationError("give at least one --corpus") }
                _ = try corpora()
            }

            func run() throws {
                let corpora = try corpora()
                try runWorkflow { () throws(ResonanzError) in
                    print(
                        try AssignmentEval.fitConfidenceModel(
                            corpora: corpora, resources: resourceOptions.resources, read: commentOptions.readOptions,
                            pipeline: analysisOptions.configuration, output: output),
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
