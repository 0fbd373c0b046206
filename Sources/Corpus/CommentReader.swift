import Foundation

/// Reads comments from CSV/TSV files, JSON Lines files and folders.
///
/// The format comes from the path: `.csv` and `.tsv` are tables, `.jsonl` and `.ndjson` JSON
/// Lines; a folder is read file by file in name order, its tables and JSON Lines first (each
/// as above), then its `.txt` files, one comment per file (``TextFolderReader``). Paths are read
/// in the order given, rows in file order; every row read ends up accepted or rejected
/// (``RowAcceptor``). An empty file, or a table with a header and no rows, is 0 rows and a warning.
public enum CommentReader {
    /// Reads all `paths`; `goalIDs` are the framework's goals, for checking the goal column.
    public static func read(
        _ paths: [URL], goalIDs: Set<String>, options: CommentReadOptions = CommentReadOptions()
    )
        throws(CorpusError) -> IngestResult
    {
        try read(paths, goals: GoalMatcher(ids: goalIDs), options: options)
    }

    /// Reads all `paths`; `goals` finds the framework's goals by id or title.
    public static func read(
        _ paths: [URL], goals: GoalMatcher, options: CommentReadOptions = CommentReadOptions()
    )
        throws(CorpusError) -> IngestResult
    {
        var acceptor = RowAcceptor(goals: goals, dates: options.dates, maximumTextLength: options.maximumTextLength)
        for url in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .unreadable(path: displayPath(url), reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                for table in try tables(in: url) { try readFile(table, options: options, into: &acceptor) }
                try TextFolderReader.read(url, goals: goals, encoding: options.encoding, into: &acceptor)
                continue
            }
            try readFile(url, options: options, into: &acceptor)
        }
        return acceptor.result
    }

    static let tableExtensions: Set<String> = ["csv", "tsv", "tab", "jsonl", "ndjson"]

    static func readFile(_ url: URL, options: CommentReadOptions, into acceptor: inout RowAcceptor) throws(CorpusError) {
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "tab":
            try CSVCommentReader.read(url, options: options, into: &acceptor)
        case "jsonl", "ndjson":
            try JSONLCommentReader.read(url, options: options, into: &acceptor)
        default:
            throw .unsupportedFormat(path: displayPath(url))
        }
    }

    /// The table and JSON Lines files directly in `folder`, in name order.
    static func tables(in folder: URL) throws(CorpusError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(path: displayPath(folder), reason: "cannot list the folder")
        }
        return names.filter { tableExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted()
            .map { folder.appendingPathComponent($0) }
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
///
/// Rules: a column an option names (`--id-column`) must exist, else the file fails; every other
/// field takes the first of its usual names (``CommentField/defaultNames``) that a column has,
/// compared by ``key(_:)``: lower case without spaces, hyphens, slashes, dots and underscores, so
/// `Beitrags-ID`, `Autor/in`, `Erstellt am` and `Nr.` are found. A column is taken by one field
/// only, in the order of ``CommentField``.
struct FieldMapping {
    private var columns: [CommentField: String] = [:]
    let names: [String]
    /// The names some field took (made once: the readers ask for every cell of every row).
    let mappedNames: Set<String>

    /// Maps `names` (a header row or JSON keys) using the options first, then the usual names.
    init(names: [String], options: CommentReadOptions, path: String, requireText: Bool) throws(CorpusError) {
        self.names = names
        let keys = names.map(Self.key)
        var taken: Set<Int> = []
        func find(_ candidates: [String]) -> Int? {
            for candidate in candidates {
                let wanted = Self.key(candidate)
                if let index = keys.indices.first(where: { keys[$0] == wanted && !taken.contains($0) }) { return index }
            }
            return nil
        }
        for field in CommentField.allCases {
            guard let option = options.column(for: field) else { continue }
            guard let index = find([option]) else {
                throw .missingMappedColumn(path: path, option: field.rawValue, column: option, columnsFound: names)
            }
            columns[field] = names[index]
            taken.insert(index)
        }
        for field in CommentField.allCases where columns[field] == nil {
            if let index = find(field.defaultNames) {
                columns[field] = names[index]
                taken.insert(index)
            }
        }
        if requireText && columns[.text] == nil {
            throw .missingTextColumn(path: path, columnsFound: names)
        }
        mappedNames = Set(columns.values)
    }

    /// A header name as compared: lower case, without spaces, hyphens, slashes, dots and underscores.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" -_/.\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    func name(of field: CommentField) -> String? { columns[field] }

    /// What this mapping took, for the run's report.
    func use(file: String) -> ColumnUse {
        ColumnUse(
            file: file, fields: Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) }),
            unused: names.filter { !mappedNames.contains($0) })
    }

    /// Splits a `labels` cell: `;`-separated, blanks dropped.
    static func labels(_ cell: String) -> [String] {
        cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The text of a row: its title (when it has one) and its body, a blank line between.
    static func text(title: String?, body: String?) -> String? {
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else { return body }
        guard let body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return title }
        return title + "\n\n" + body
    }
}
