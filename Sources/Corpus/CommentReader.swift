import Foundation

/// Reads comments from CSV/TSV files, JSON Lines files and folders of .txt files.
///
/// The format comes from the path: a folder is read as .txt files (one comment per file), `.csv`
/// and `.tsv` as tables, `.jsonl` and `.ndjson` as JSON Lines. Paths are read in the order
/// given, rows in file order; every row read ends up accepted or rejected (``RowAcceptor``).
public enum CommentReader {
    /// Reads all `paths`; `goalIDs` are the framework's goals, for checking the goal column.
    public static func read(_ paths: [URL], goalIDs: Set<String>, options: CommentReadOptions = CommentReadOptions())
        throws(CorpusError) -> IngestResult
    {
        var acceptor = RowAcceptor(goalIDs: goalIDs, maximumTextLength: options.maximumTextLength)
        for url in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .unreadable(path: displayPath(url), reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                try TextFolderReader.read(url, goalIDs: goalIDs, encoding: options.encoding, into: &acceptor)
                continue
            }
            switch url.pathExtension.lowercased() {
            case "csv", "tsv", "tab":
                try CSVCommentReader.read(url, options: options, into: &acceptor)
            case "jsonl", "ndjson":
                try JSONLCommentReader.read(url, options: options, into: &acceptor)
            default:
                throw .unsupportedFormat(path: displayPath(url))
            }
        }
        return acceptor.result
    }

    /// The path as the user gave it (relative paths stay relative), for messages and reports.
    static func displayPath(_ url: URL) -> String {
        url.relativePath
    }

    static func readData(_ url: URL) throws(CorpusError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: displayPath(url), reason: error.localizedDescription)
        }
    }
}

/// Which input column or key holds which field of the contract.
struct FieldMapping {
    private var columns: [CommentField: String] = [:]

    /// Maps `names` (a header row or JSON keys) using the options first, then default names.
    init(names: [String], options: CommentReadOptions, path: String, requireText: Bool) throws(CorpusError) {
        let lowered = names.map { $0.lowercased() }
        func find(_ candidates: [String]) -> String? {
            for candidate in candidates {
                if let index = lowered.firstIndex(of: candidate.lowercased()) { return names[index] }
            }
            return nil
        }
        let mapped: [(CommentField, String?, String)] = [
            (.id, options.idColumn, "--id-column"), (.text, options.textColumn, "--text-column"),
            (.goal, options.goalColumn, "--goal-column"), (.createdAt, options.dateColumn, "--date-column"),
        ]
        for (field, option, flag) in mapped {
            guard let option else { continue }
            guard let name = find([option]) else {
                throw .missingMappedColumn(path: path, option: flag, column: option, columnsFound: names)
            }
            columns[field] = name
        }
        for field in CommentField.allCases where columns[field] == nil {
            columns[field] = find(field.defaultNames)
        }
        if requireText && columns[.text] == nil {
            throw .missingTextColumn(path: path, columnsFound: names)
        }
    }

    func name(of field: CommentField) -> String? { columns[field] }

    var mappedNames: Set<String> { Set(columns.values) }

    /// Splits a `labels` cell: `;`-separated, blanks dropped.
    static func labels(_ cell: String) -> [String] {
        cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
