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
            Run.self, Ingest.self, Analyze.self, Report.self, Withdraw.self, Review.self, Tokenize.self, Eval.self,
            FrameworkGroup.self,
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
                let arguments = Array(CommandLine.arguments.dropFirst())
                let message = misspelledOption(in: arguments) ?? fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// ArgumentParser reports a missing required option before an unknown one, so `--framwork`
    /// got "Missing expected argument '--framework'" where `--treshold` got "Did you mean": this
    /// names the first option the (sub)command does not know, with the nearest it does.
    static func misspelledOption(in arguments: [String]) -> String? {
        var command: ParsableCommand.Type = ResonanzCommand.self
        var path = ["resonanz"]
        for argument in arguments where !argument.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = sub
            path.append(argument)
        }
        while let implied = command.configuration.defaultSubcommand {
            command = implied
            path.append(implied._commandName)
        }
        let help = helpMessage(for: command, includeHidden: true, columns: 10_000)
        var known = Set(["--help", "--version"])
        var rest = Substring(help)
        while let start = rest.range(of: "--") {
            let name = rest[start.lowerBound...].prefix { $0 == "-" || $0.isLetter || $0.isNumber }
            if name.count > 2 { known.insert(String(name)) }
            rest = rest[start.upperBound...]
        }
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            let distances: [(name: String, distance: Int)] = known.sorted().map { ($0, editDistance($0, name)) }
            let nearest = distances.min { $0.distance < $1.distance }
            var hint = ""
            if let nearest, nearest.distance <= max(2, name.count / 4) { hint = " Did you mean '\(nearest.name)'?" }
            return "Error: Unknown option '\(name)'.\(hint)\n  See '\(path.joined(separator: " ")) --help' for more information."
        }
        return nil
    }

    /// Levenshtein distance between two strings, by Characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let gap = min(previous[j], current[j - 1]) + 1
                current[j] = min(substitution, gap)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
