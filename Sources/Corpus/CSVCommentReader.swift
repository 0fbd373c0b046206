import CSV
import Foundation

/// Reads a comments table (CSV or TSV) with yaslab/CSV.swift.
///
/// - Encoding: ``TextDecoding`` (UTF-8 with or without BOM, Windows-1252).
/// - Delimiter: tab for `.tsv`; otherwise whichever of `,` `;` tab occurs most often in the
///   header line outside quotes (`,` on a tie).
/// - The first row is the header; names match case-insensitively (``FieldMapping``).
/// - Quoted fields may hold newlines; a row's line is the line its record starts on, counted
///   from the newlines of the rows before it. Short rows are padded, extra cells kept as
///   `column_N` metadata. Lines without any character are no rows.
enum CSVCommentReader {
    static func read(_ url: URL, options: CommentReadOptions, into acceptor: inout RowAcceptor) throws(CorpusError) {
        let data = try CommentReader.readData(url)
        let (text, _) = try TextDecoding.decode(data, encoding: options.encoding, path: url.path)
        let extensionDelimiter: UnicodeScalar? = ["tsv", "tab"].contains(url.pathExtension.lowercased()) ? "\t" : nil
        let delimiter = extensionDelimiter ?? detectDelimiter(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
        guard let headerRow = reader.next() else {
            throw .missingTextColumn(path: url.path, columnsFound: [])
        }
        let header = headerRow.map { $0.trimmingCharacters(in: .whitespaces) }
        let mapping = try FieldMapping(names: header, options: options, path: url.path, requireText: true)
        var line = 1 + newlineCount(headerRow) + 1
        while let row = reader.next() {
            let rowLine = line
            line += 1 + newlineCount(row)
            if row.count == 1 && row[0].isEmpty { continue }
            let source = SourceLocation(file: url.path, line: rowLine)
            var cells: [String: String] = [:]
            var metadata: [String: String] = [:]
            for (index, cell) in row.enumerated() {
                let name = index < header.count ? header[index] : "column_\(index + 1)"
                if cells[name] == nil { cells[name] = cell }
                if !mapping.mappedNames.contains(name), !cell.isEmpty { metadata[name] = cell }
            }
            func value(_ field: CommentField) -> String? {
                mapping.name(of: field).flatMap { cells[$0] }
            }
            acceptor.accept(
                RawRecord(
                    source: source, id: value(.id), text: value(.text) ?? "", goal: value(.goal),
                    createdAt: value(.createdAt), author: value(.author), parentID: value(.parentID),
                    labels: value(.labels).map(FieldMapping.labels) ?? [], metadata: metadata))
        }
    }

    /// Lines a row spans beyond its first: newlines inside its quoted cells.
    private static func newlineCount(_ row: [String]) -> Int {
        var count = 0
        for cell in row {
            var previousWasCarriageReturn = false
            for scalar in cell.unicodeScalars {
                if scalar == "\r" {
                    count += 1
                } else if scalar == "\n" && !previousWasCarriageReturn {
                    count += 1
                }
                previousWasCarriageReturn = scalar == "\r"
            }
        }
        return count
    }

    static func detectDelimiter(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = [UnicodeScalar(";"), "\t"].filter { counts[$0]! > counts[","]! }
            .max { counts[$0]! < counts[$1]! }
        return best ?? ","
    }
}
