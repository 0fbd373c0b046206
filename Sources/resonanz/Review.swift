import ArgumentParser
import Foundation
import Workflows

extension ResonanzCommand {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Human review of assignments: a queue to fill in, and importing the decisions.",
            subcommands: [Queue.self, Import.self])

        struct Queue: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the comments whose review would help most as a CSV to fill in.",
                discussion: """
                    Takes the latest analysis in the store; comments whose best measure is closest \
                    to the assignment threshold come first, already reviewed ones (and their \
                    campaigns) are left out. Fill in decision (accept or reject the suggested \
                    measure; reject with no measure: fits no measure; or write another measure_id \
                    and assign), reviewer and date, then run `resonanz review import`. Measure ids \
                    are those of the framework; the goal pages show each one.

                    With --audit N it draws a random sample instead (stratified by the measure each \
                    comment was counted for) and stores it: review every comment of it completely, \
                    import the file, and the next run estimates each measure's true count from the \
                    sample, with a 95 % interval.

                    Example:
                      resonanz review queue --framework corpora/jena-hf4/framework.yaml \\
                        --out reports/jena-hf4 --count 50 --file review.csv
                      resonanz review queue --framework corpora/jena-hf4/framework.yaml \\
                        --out reports/jena-hf4 --audit 100
                    """)

            @Option(help: "Framework file; names the default output folder.")
            var framework: String

            @Option(help: "Comments in the queue.")
            var count = 50

            @Option(help: "The CSV to write (default: review-queue.csv, or audit.csv with --audit, in the output folder).")
            var file: String?

            @Option(
                help: ArgumentHelp(
                    "Draw a random audit sample of this many comments instead, to review completely.",
                    discussion:
                        "Stratified by the measure each comment was counted for; once reviewed, the reports estimate every measure's count from it, with 95 % intervals."
                ))
            var audit: Int?

            @Option(help: "Seed of the audit sample (the same seed and analysis give the same sample).")
            var seed: UInt64 = 1

            @OptionGroup var storeOptions: StoreOptions

            func validate() throws {
                guard count > 0 else { throw ValidationError("--count must be positive") }
                if let audit, audit <= 0 { throw ValidationError("--audit must be positive") }
            }

            func run() throws {
                try runWorkflow { () throws(ResonanzError) in
                    let options = try storeOptions.runOptions(framework: framework)
                    let name = audit == nil ? "review-queue.csv" : "audit.csv"
                    let path = file ?? URL(fileURLWithPath: options.output).appendingPathComponent(name).relativePath
                    if let audit {
                        let written = try ReviewWorkflow.audit(
                            size: audit, seed: seed, file: path, options: options, logger: makeLogger(quiet: true))
                        print("drew an audit of \(written) comments to review completely: \(path)")
                    } else {
                        let written = try ReviewWorkflow.queue(
                            count: count, file: path, options: options, logger: makeLogger(quiet: true))
                        print("wrote \(written) comments to review to \(path)")
                    }
                }
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Store human decisions on assignments; every later run respects them.",
                discussion: """
                    FILE is CSV (the filled-in review queue) or JSONL with comment_id, measure_id, \
                    decision (accept, reject or assign), reviewer and date. Accepted and assigned \
                    measures are pinned with confidence 1, rejected ones are never assigned again, \
                    and the decisions retrain the assignment. Rows left blank are skipped; bad rows \
                    are listed with file, line and reason (exit 3 with --strict).

                    Example:
                      resonanz review import review.csv \\
                        --framework corpora/jena-hf4/framework.yaml --out reports/jena-hf4
                    """)

            @Argument(help: "The review file (.csv or .jsonl).")
            var file: String

            @Option(help: "Framework file; its measure ids are checked.")
            var framework: String

            @Flag(help: "Exit with status 3 when any row was rejected.")
            var strict = false

            @OptionGroup var storeOptions: StoreOptions

            func run() throws {
                try runWorkflow { () throws(ResonanzError) in
                    let summary = try ReviewWorkflow.importFile(
                        file, options: try storeOptions.runOptions(framework: framework), logger: makeLogger(quiet: true))
                    for row in summary.rejected {
                        FileHandle.standardError.write(Data(TerminalText.safe("\(row.source): rejected: \(row.reason)\n").utf8))
                    }
                    print(summary.accountingLine)
                    if let agreement = summary.agreement {
                        print(
                            "agreement with the latest analysis on \(summary.decided) pairs no earlier review decided: Cohen's kappa "
                                + String(format: "%.2f", agreement))
                    }
                    print("the next run applies them")
                    if strict && !summary.rejected.isEmpty {
                        throw .rejectedRows(count: summary.rejected.count, listedIn: "the lines above")
                    }
                }
            }
        }
    }
}
