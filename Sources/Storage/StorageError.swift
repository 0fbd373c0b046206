import Corpus
import GRDB

/// Failures of the store, each naming the database file.
public enum StorageError: Error, CustomStringConvertible {
    /// SQLite refused: its result code, message and the statement.
    case database(path: String, code: Int32, message: String, statement: String?)
    /// Another process holds the store.
    case locked(path: String, holder: String)
    /// The lock file cannot be created or locked.
    case lockUnavailable(path: String, reason: String)
    /// Stored data that cannot be read back (a JSON column that does not decode, a damaged page).
    case corrupt(path: String, what: String)
    /// A file that is not a Resonanz store; it was left as it is.
    case foreign(path: String, reason: String)

    public var description: String {
        switch self {
        case .database(let path, let code, let message, let statement):
            // The statement is quoted short: a migration's statement holds a whole schema.
            return "\(path): SQLite error \(code): \(message)"
                + (statement.map { " (in: \(Untrusted.quoted($0, limit: 120)))" } ?? "")
        case .locked(let path, let holder):
            return "\(path): another resonanz run is using this store (\(holder))"
        case .lockUnavailable(let path, let reason):
            return "\(path): cannot lock the store: \(reason)"
        case .corrupt(let path, let what):
            return "\(path): stored data cannot be read: \(what)"
        case .foreign(let path, let reason):
            return "\(path): not a Resonanz store: \(reason); it was left unchanged"
        }
    }

    static func wrap(_ error: any Error, path: String) -> StorageError {
        if let error = error as? StorageError { return error }
        if let error = error as? DatabaseError {
            return .database(
                path: path, code: error.extendedResultCode.rawValue, message: error.message ?? "\(error)", statement: error.sql)
        }
        return .database(path: path, code: -1, message: "\(error)", statement: nil)
    }
}
