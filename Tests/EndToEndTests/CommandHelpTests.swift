import Foundation
import Testing
import _TestSupport

/// The help of every command as a terminal of 80 columns shows it: examples that can be copied
/// and pasted, and a "did you mean" for any misspelt option.
@Suite(.serialized)
struct CommandHelpTests {
    /// Every command path: the root, its subcommands, theirs.
    static func commands() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.first {
            queue.removeFirst()
            found.append(path)
            let help = try CommandLineRunner.run(path + ["--help"], environment: ["COLUMNS": "80"]).standardOutput
            guard path.count < 3, let start = help.range(of: "SUBCOMMANDS:\n") else { continue }
            // "  name    abstract": two spaces, a lower-case name; wrapped abstracts are indented deeper.
            for line in help[start.upperBound...].split(separator: "\n") {
                guard line.hasPrefix("  ") else { break }
                guard !line.hasPrefix("   ") else { continue }
                let name = line.split(separator: " ").first.map(String.init) ?? ""
                guard name.allSatisfy({ $0.isLowercase || $0 == "-" }), !name.isEmpty, name != "help" else { continue }
                queue.append(path + [name])
            }
        }
        return found
    }

    @Test func everyExampleCanBeCopiedFromAnEightyColumnTerminal() throws {
        let paths = try Self.commands()
        #expect(paths.count >= 15, "\(paths)")
        var examples = 0
        for path in paths {
            let help = try CommandLineRunner.run(path + ["--help"], environment: ["COLUMNS": "80"]).standardOutput
            var inExample = false
            var continued = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("Example") {
                    inExample = true
                    continue
                }
                guard inExample else { continue }
                if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("USAGE:") {
                    #expect(!continued, "\(path): an example ends in a continuation")
                    inExample = false
                    continue
                }
                // A line of an example is a command or continues one ended by " \"; anything
                // else is a command ArgumentParser wrapped, which fails when pasted.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                #expect(
                    trimmed.hasPrefix("resonanz ") || trimmed.hasPrefix("#") || continued,
                    "\(path.joined(separator: " ")): a wrapped example line: \(line)")
                #expect(line.count <= 80)
                if trimmed.hasPrefix("resonanz ") { examples += 1 }
                continued = line.hasSuffix(" \\")
            }
        }
        #expect(examples >= 12)
    }

    /// ArgumentParser said "Missing expected argument '--framework'" to `--framwork`, because a
    /// required option was missing before it looked at the unknown one.
    @Test(arguments: [
        ("run --framwork x --comments y", "--framwork", "--framework"),
        ("run --framework x --coments y", "--coments", "--comments"),
        ("review queue --framwork x", "--framwork", "--framework"),
        ("eval --framework x --comments y --lable-map z", "--lable-map", "--label-map"),
        ("withdraw m1 --framework x --reasn y", "--reasn", "--reason"),
    ])
    func aMisspeltOptionGetsDidYouMean(_ line: String, _ wrong: String, _ meant: String) throws {
        let result = try CommandLineRunner.run(line.split(separator: " ").map(String.init))
        #expect(result.status == 2)
        #expect(result.standardError.contains("Unknown option '\(wrong)'. Did you mean '\(meant)'?"), "\(result.standardError)")
    }
}
