import ArgumentParser
import Foundation

@main
struct ResonanzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resonanz",
        abstract: "Turns citizens' comments on a city strategy into reports planners can act on.",
        discussion: """
            Reads a framework (goals and measures) and comment files, analyses the comments with a \
            German analyzer, assigns them to measures and writes JSON, Markdown and CSV reports.

            Example:
              resonanz run --framework corpora/jena-hf4/framework.yaml \\
                --comments corpora/jena-hf4/comments.csv --out reports/jena-hf4
            """,
        version: "0.1.0",
        subcommands: [
            Run.self, Ingest.self, Analyze.self, Report.self, Review.self, Tokenize.self, Eval.self, FrameworkGroup.self,
            Bench.self,
        ]
    )

    /// Like ArgumentParser's `main()`, but bad usage exits with 2 as the contract says
    /// (ArgumentParser's own code for it is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
