import ArgumentParser
import Evaluation
import Workflows

extension ResonanzCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure quality on labelled data.",
            subcommands: [Measures.self, Calibrate.self, Topics.self, Stemmer.self],
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

            @Option(help: "Also write the raw signals of every labelled (comment, measure) pair as JSON Lines to this file.")
            var dumpPairs: String?

            @Option(help: "Also simulate audits of this many comments (gold labels as the reviewers) and score their estimates.")
            var audit: Int?

            @Option(help: "Audits to simulate, with seeds 1, 2, …")
            var auditRepeats = 5

            @Option(
                help: ArgumentHelp(
                    "A file mapping the corpus's gold labels to measure ids.",
                    discussion:
                        "One `label = measure-id` per line; `label =` drops the label. Without it, a gold label that is no measure id is an error."
                ))
            var labelMap: String?

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
                    let labels = try labelMap.map { path throws(ResonanzError) in try AssignmentEval.readLabelMap(path) } ?? [:]
                    print(
                        try AssignmentEval.evaluate(
                            framework: framework, comments: comments, resources: resourceOptions.resources,
                            confidenceModel: analysisOptions.confidenceModel, read: try commentOptions.settings.readOptions(),
                            pipeline: analysisOptions.settings().pipeline, learningCurve: steps, dumpPairs: dumpPairs,
                            audit: audit.map { ($0, auditRepeats) }, labelMap: labels),
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
                      resonanz eval calibrate --output model.json \\
                        --corpus corpora/ottensen/framework.yaml=corpora/ottensen/comments.jsonl
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
                            corpora: corpora, resources: resourceOptions.resources,
                            read: try commentOptions.settings.readOptions(),
                            pipeline: analysisOptions.settings().pipeline, output: output),
                        terminator: "")
                }
            }
        }

        struct Topics: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Cluster a labelled JSONL file with GSDMM and score it against the labels (JSON on stdout).",
                discussion: """
                    Each line is an object with a text and a gold label (a string, a number, or a list \
                    whose first element counts). Prints NMI, ARI and the number of clusters found.

                    Example:
                      resonanz eval topics ../shared/data/short-text-clustering/T.json \\
                        --label-key cluster --tokens whitespace \\
                        --maximum-clusters 300 --restarts 1
                    """)

            @Argument(help: "The JSONL file.")
            var file: String

            @Option(help: "Key of the text.")
            var textKey = "text"

            @Option(help: "Key of the gold label.")
            var labelKey = "labels"

            @Option(help: "How texts become terms: whitespace (preprocessed files) or german (the analyzer).")
            var tokens: String = TopicEval.Tokens.german.rawValue

            @Option(help: "Upper bound on the number of clusters (GSDMM's K).")
            var maximumClusters = TopicEval.gsdmmDefaults.maximumClusters

            @Option(help: "GSDMM's α.")
            var alpha = TopicEval.gsdmmDefaults.alpha

            @Option(help: "GSDMM's β.")
            var beta = TopicEval.gsdmmDefaults.beta

            @Option(help: "Gibbs sweeps.")
            var iterations = TopicEval.gsdmmDefaults.iterations

            @Option(help: "Runs with seeds seed, seed+1, …; the best is kept.")
            var restarts = TopicEval.gsdmmDefaults.restarts

            @Option(help: "gsdmm, or kmeans (spherical k-means on TF-IDF).")
            var clusterer = "gsdmm"

            @Option(help: "Clusters for kmeans (default: the number of gold classes).")
            var topics: Int?

            @Flag(help: "Choose the number of clusters by coherence and stability (as reports do) instead.")
            var chooseTopics = false

            @Option(help: "Also measure stability: ARI against this many other seeds and 90 % subsamples (0: not).")
            var stability = 0

            @Option(
                help:
                    "With --choose-topics: choose on this many evenly spaced documents, then extend to all (as reports do above 1000)."
            )
            var sampleLimit: Int?

            @Option(help: "Which of a list of labels counts: first, or rarest (the most specific in a hierarchy).")
            var labelChoice: String = TopicEval.LabelChoice.first.rawValue

            @OptionGroup var resourceOptions: ResourceOptions
            @OptionGroup var analysisOptions: AnalysisOptions

            func validate() throws {
                guard TopicEval.Tokens(rawValue: tokens) != nil else {
                    throw ValidationError("--tokens is whitespace or german")
                }
                guard ["gsdmm", "kmeans"].contains(clusterer) else { throw ValidationError("--clusterer is gsdmm or kmeans") }
                if let topics, !(1...10_000).contains(topics) { throw ValidationError("--topics must lie between 1 and 10000") }
                guard (0...20).contains(stability) else { throw ValidationError("--stability must lie between 0 and 20") }
                if let sampleLimit, sampleLimit < 10 { throw ValidationError("--sample-limit must be at least 10") }
                guard TopicEval.LabelChoice(rawValue: labelChoice) != nil else {
                    throw ValidationError("--label-choice is first or rarest")
                }
                guard maximumClusters > 0, maximumClusters <= 10_000, alpha > 0, beta > 0, iterations >= 0,
                    (1...100).contains(restarts)
                else {
                    throw ValidationError(
                        "need 0 < --maximum-clusters <= 10000, --alpha > 0, --beta > 0, --iterations >= 0, 1 <= --restarts <= 100"
                    )
                }
            }

            func run() throws {
                let method: TopicEval.Method =
                    clusterer == "kmeans"
                    ? .kmeans(clusters: topics, restarts: restarts)
                    : TopicEval.gsdmm(
                        maximumClusters: maximumClusters, alpha: alpha, beta: beta, iterations: iterations, restarts: restarts)
                try runWorkflow { () throws(ResonanzError) in
                    print(
                        try TopicEval.evaluate(
                            file: file, textKey: textKey, labelKey: labelKey,
                            labelChoice: TopicEval.LabelChoice(rawValue: labelChoice) ?? .first,
                            tokens: TopicEval.Tokens(rawValue: tokens) ?? .german, method: method,
                            extras: TopicEval.Extras(
                                chooseClusters: chooseTopics, stabilityRuns: stability, sampleLimit: sampleLimit),
                            seed: analysisOptions.seed, threads: analysisOptions.threads,
                            resources: resourceOptions.resources),
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
                    print(try StemmerEval.evaluate(goldFiles: goldFiles), terminator: "")
                }
            }
        }
    }
}
