import Foundation

/// Everything that can go wrong in text analysis: ICU failures and unreadable word lists.
public enum TextAnalysisError: Error, Equatable, CustomStringConvertible {
    /// ICU reported a failure; `code` is ICU's UErrorCode.
    case icuFailure(operation: String, code: Int32)
    /// A single text larger than ICU can index (2 GiB).
    case textTooLong(bytes: Int)
    /// A word list or lexicon file could not be read.
    case unreadableWordList(path: String, reason: String)
    /// A line of a word list is not valid (`line` counts from 1).
    case invalidWordListEntry(path: String, line: Int, entry: String, reason: String)
    /// A configuration value is outside its allowed range.
    case invalidParameter(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .icuFailure(let operation, let code):
            return "ICU failed in \(operation) with error code \(code)"
        case .textTooLong(let bytes):
            return "a single text of \(bytes) bytes is longer than ICU can segment"
        case .unreadableWordList(let path, let reason):
            return "\(path): cannot read word list: \(reason)"
        case .invalidWordListEntry(let path, let line, let entry, let reason):
            return "\(path):\(line): invalid entry '\(entry)': \(reason)"
        case .invalidParameter(let name, let value, let expected):
            return "invalid \(name) \(value): expected \(expected)"
        }
    }
}
