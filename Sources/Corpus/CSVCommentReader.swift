import Foundation

/// Reads a comments table (CSV or TSV).
///
/// - Encoding: ``TextDecoding`` (UTF-8 with or without BOM, Windows-1252).
/// - Delimiter: tab for `.tsv`; otherwise whichever of `,` `;` tab occurs most often in the
///   header line outside quotes (`,` on a tie); a header with none of them is one column, and
///   its rows are not split at all.
/// - Records: ``CSVRecordParser`` (RFC 4180 with line numbers). The first record is the header;
///   columns are found by their usual names (``FieldMapping``), a title column joined before the
///   text; blank lines are no rows, and a file without rows is 0 rows with a warning. A malformed record (broken quoting) is
///   rejected with its line and reason. Short rows are padded; extra cells are kept as
///   `column_N` metadata with a warning, so a shifted row is noticed.
enum CSVCommentReader {
    static func read(_ url: URL, options: CommentReadOptions, into acceptor: inout RowAcceptor) throws(CorpusError) {
        let data = try CommentReader.readData(url)
        let path = CommentReader.displayPath(url)
        let decoded = try TextDecoding.decode(data, encoding: options.encoding, path: path)
        if let note = decoded.note {
            acceptor.warn(SourceLocation(file: path, line: note.line), id: nil, note.message, kind: .encoding)
        }
        let text = decoded.text
        let isTabular = ["tsv", "tab"].contains(url.pathExtension.lowercased())
        let delimiter: Unicode.Scalar = isTabular ? "\t" : detectDelimiter(text)
        var records = CSVRecordParser(delimiter: delimiter).records(text)
            .filter { !($0.fields.count == 1 && $0.fields[0].trimmingCharacters(in: .whitespaces).isEmpty) }
        guard !records.isEmpty else {
            acceptor.warn(SourceLocation(file: path, line: 1), id: nil, "the file is empty: 0 rows", kind: .emptyFile)
            return
        }
        let headerRecord = records.removeFirst()
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !records.isEmpty else {
            acceptor.warn(
                SourceLocation(file: path, line: 1), id: nil, "the file has a header and no rows: 0 rows", kind: .emptyFile)
            return
        }
        let mapping = try FieldMapping(names: header, options: options, path: path, requireText: true)
        acceptor.noteColumns(mapping.use(file: path))
        for record in records {
            let source = SourceLocation(file: path, line: record.line)
            if let bad = (record.line...record.endLine).first(where: decoded.undecodableLines.contains) {
                acceptor.reject(
                    source, id: nil, reason: "undecodable bytes on line \(bad) (not \(decoded.encoding.rawValue))", excerpt: "")
                continue
            }
            if let problem = record.problem {
                acceptor.reject(
                    source, id: nil, reason: "malformed CSV: \(problem)",
                    excerpt: record.fields.joined(separator: String(delimiter)))
                continue
            }
            var cells: [String: String] = [:]
            var metadata: [String: String] = [:]
            for (index, cell) in record.fields.enumerated() {
                let name = index < header.count ? header[index] : "column_\(index + 1)"
                if cells[name] == nil { cells[name] = cell }
                if !mapping.mappedNames.contains(name), !cell.isEmpty { metadata[name] = cell }
            }
            func value(_ field: CommentField) -> String? {
                mapping.name(of: field).flatMap { cells[$0] }
            }
            if record.fields.count > header.count {
                acceptor.warn(
                    source, id: value(.id),
                    "row has \(record.fields.count) cells but the header \(header.count); extra cells kept as column_N (quote cells that contain '\(delimiter)')",
                    kind: .extraCells)
            }
            acceptor.accept(
                RawRecord(
                    source: source, id: value(.id), text: FieldMapping.text(title: value(.title), body: value(.text)) ?? "",
                    goal: value(.goal),
                    createdAt: value(.createdAt), author: value(.author), parentID: value(.parentID),
                    labels: value(.labels).map(FieldMapping.labels) ?? [], labelsGiven: mapping.name(of: .labels) != nil,
                    metadata: metadata))
        }
    }

    /// The delimiter of the header line: the most frequent of `;` and tab if they beat `,`;
    /// `,` otherwise; the unit separator (never in text) when the header has none of them.
    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        if counts.values.allSatisfy({ $0 == 0 }) { return "\u{1F}" }
        let count = { (delimiter: Unicode.Scalar) in counts[delimiter, default: 0] }
        let best: Unicode.Scalar? = [";", "\t"].filter { count($0) > count(",") }.max { count($0) < count($1) }
        return best ?? ","
    }
}
