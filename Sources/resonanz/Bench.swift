import ArgumentParser
import Evaluation
import Workflows

extension ResonanzCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the analyzer's stages on a comment file (JSON lines on stdout).",
            discussion: """
                Reads the file, then times ICU's word-break iterator alone, the tokenizer and the whole \
                German analyzer over its texts at each thread count: the median of --repetitions runs \
                after one warm-up. `make bench` runs this beside whole `resonanz run`s and scikit-learn.

                Example:
                  resonanz bench corpora/jena-hf4/comments.csv --threads 1,2
                """)

        @Argument(help: "A comment file (.csv, .tsv, .jsonl).")
        var file: String

        @Option(help: "Thread counts to measure, comma-separated.")
        var threads: String = "1,2"

        @Option(help: "Timed runs per stage (after one warm-up run).")
        var repetitions: Int = 3

        @OptionGroup var commentOptions: CommentOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func validate() throws {
            _ = try threadCounts()
            guard (1...100).contains(repetitions) else { throw ValidationError("--repetitions must lie between 1 and 100") }
        }

        func threadCounts() throws -> [Int] {
            let counts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty, counts.allSatisfy({ (1...256).contains($0 ?? 0) }) else {
                throw ValidationError("--threads takes counts like 1,2")
            }
            return counts.compactMap { $0 }
        }

        func run() throws {
            let counts = try threadCounts()
            try runWorkflow { () throws(ResonanzError) in
                print(
                    try StageBenchmark.run(
                        file: file, options: try commentOptions.settings.readOptions(), threads: counts, repetitions: repetitions,
                        resources: resourceOptions.resources),
                    terminator: "")
            }
        }
    }
}
