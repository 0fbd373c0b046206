import ArgumentParser
import Foundation
import Workflows

extension ResonanzCommand {
    struct Tokenize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the analyzer's view of a text.",
            discussion: """
                Prints every token with its normalised form, matching key (stem), stopword flag and \
                compound parts. Offsets are UTF-8 byte offsets. Reads standard input without TEXT.

                Example:
                  resonanz tokenize --json "Mehr Bürger:innen-Beteiligung, z. B. Fachkräfte"
                """)

        @Flag(help: "One JSON array, one object per token.")
        var json = false

        @OptionGroup var resourceOptions: ResourceOptions

        @Argument(help: "The text (default: standard input).")
        var text: String?

        func run() throws {
            try runWorkflow { () throws(ResonanzError) in
                var input = text
                if input == nil {
                    // Offsets are byte offsets into the input, so bytes that are not UTF-8 are refused
                    // rather than replaced (a replacement would shift every later offset).
                    guard let decoded = String(validating: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) else {
                        throw .badInput("standard input is not valid UTF-8")
                    }
                    input = decoded
                }
                print(try Inspection.tokenize(input ?? "", json: json, resources: resourceOptions.resources), terminator: "")
            }
        }
    }
}
