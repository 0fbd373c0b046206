import ArgumentParser
import Foundation
import Workflows

extension ResonanzCommand {
    struct FrameworkGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "framework",
            abstract: "Work with frameworks (goals and measures).",
            subcommands: [Import.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Turn a strategy text into a framework YAML.",
                discussion: """
                    Reads a strategy text shaped like the Jena digital strategy: goal headings as bullets \
                    (•), their paragraphs, "Dazu unterstützen wir …", measure lines starting with "…", and \
                    each measure's paragraph. Writes the framework YAML to standard output or --out; add \
                    keywords and adjust ids by hand afterwards.

                    Example:
                      resonanz framework import strategie.txt --id jena-hf4 \\
                        --title "Handlungsfeld 4: Wirtschaft und Wissenschaft" \\
                        --out framework.yaml
                    """)

            @Argument(help: "The strategy text (UTF-8).")
            var strategy: String

            @Option(help: "Framework id, [a-z0-9._-]+ (default: from the file name).")
            var id: String?

            @Option(help: "Framework title (default: the file name).")
            var title: String?

            @Option(help: "Write the YAML here instead of to standard output.")
            var out: String?

            func run() throws {
                try runWorkflow { () throws(ResonanzError) in
                    let yaml = try FrameworkImport.importStrategy(path: strategy, id: id, title: title)
                    if let out {
                        try FrameworkImport.write(yaml, to: out)
                    } else {
                        print(yaml, terminator: "")
                    }
                }
            }
        }
    }
}
