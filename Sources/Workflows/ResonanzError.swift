import Corpus
import Storage
import TextAnalysis

/// A failure the `resonanz` command reports, with the exit code the contract gives it.
public enum ResonanzError: Error, CustomStringConvertible {
    /// Bad usage or a bad input file (framework, unreadable path): exit 2.
    case badInput(String)
    /// Failed at run time: exit 1.
    case failed(String)
    /// `--strict` and some rows were rejected: exit 3.
    case rejectedRows(count: Int, listedIn: String = "rejected.jsonl")

    public var exitCode: Int32 {
        switch self {
        case .badInput: return 2
        case .failed: return 1
        case .rejectedRows: return 3
        }
    }

    public var description: String {
        switch self {
        case .badInput(let message), .failed(let message): return message
        case .rejectedRows(let count, let listedIn):
            return "rejected rows: \(count) (see \(listedIn)); --strict makes that a failure"
        }
    }

    init(_ error: CorpusError) { self = .badInput(error.description) }

    /// Any error from code that mixes store calls with workflow checks.
    init(wrapping error: any Error) {
        switch error {
        case let error as ResonanzError: self = error
        case let error as StorageError: self.init(error)
        default: self = .failed("\(error)")
        }
    }

    /// A store held by another run, and a file that is no store, are bad usage (exit 2, as the
    /// contract says for `run`); other storage failures are run-time failures.
    init(_ error: StorageError) {
        switch error {
        case .locked, .foreign: self = .badInput(error.description)
        default: self = .failed(error.description)
        }
    }

    init(_ error: TextAnalysisError) {
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
