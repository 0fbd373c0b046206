import Analytics
import Corpus
import Storage
import TextAnalysis

/// A failure the `resonanz` command reports, with the exit code the contract gives it. Messages
/// name files, lines and values, never the command line's options: what a person can do about
/// a failure is its ``Remedy``, which the command words with its own options.
public enum ResonanzError: Error, CustomStringConvertible {
    /// What the person who ran the command can do about it.
    public enum Remedy: Sendable, Equatable {
        /// Another run holds the store: wait for it.
        case waitForStore
        /// The store belongs to another framework: use another store.
        case useAnotherStore
        /// The word lists were not found: name their folder.
        case nameResources
    }

    /// Bad usage or a bad input file (framework, unreadable path): exit 2.
    case badInput(String, remedy: Remedy? = nil)
    /// Failed at run time: exit 1.
    case failed(String)
    /// The run was asked to fail when rows were rejected, and some were: exit 3.
    case rejectedRows(count: Int, listedIn: String = "rejected.jsonl")

    public var remedy: Remedy? {
        if case .badInput(_, let remedy) = self { return remedy }
        return nil
    }

    public var exitCode: Int32 {
        switch self {
        case .badInput: return 2
        case .failed: return 1
        case .rejectedRows: return 3
        }
    }

    public var description: String {
        switch self {
        case .badInput(let message, _), .failed(let message): return message
        case .rejectedRows(let count, let listedIn):
            return "rejected rows: \(count) (see \(listedIn)), and the run was to fail on them"
        }
    }

    public init(_ error: CorpusError) { self = .badInput(error.description) }

    /// Any error from code that mixes store calls with workflow checks.
    public init(wrapping error: any Error) {
        switch error {
        case let error as ResonanzError: self = error
        case let error as StorageError: self.init(error)
        default: self = .failed("\(error)")
        }
    }

    /// A store held by another run, and a file that is no store, are bad usage (exit 2, as the
    /// contract says for `run`); other storage failures are run-time failures.
    public init(_ error: StorageError) {
        switch error {
        case .locked: self = .badInput(error.description, remedy: .waitForStore)
        case .foreign: self = .badInput(error.description)
        default: self = .failed(error.description)
        }
    }

    /// Settings and models come from the command line and the resources: bad input (exit 2).
    public init(_ error: AnalyticsError) {
        switch error {
        case .analysis(let error): self.init(error)
        case .invalidSettings, .incompatibleModel: self = .badInput(error.description)
        }
    }

    public init(_ error: TextAnalysisError) {
        switch error {
        case .unreadableWordList, .invalidWordListEntry: self = .badInput(error.description)
        default: self = .failed(error.description)
        }
    }
}

/// The program's version, recorded in every run.
public enum ResonanzVersion {
    public static let current = "0.1.0"
}
