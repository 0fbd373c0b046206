import Foundation

/// Reads review decisions from CSV (the file `resonanz review queue` writes, filled in) or JSONL.
///
/// Fields, matched case-insensitively: `comment_id` (or `comment`), `measure_id` (or `measure`),
/// `decision`, `reviewer`, `date` (or `decided_at`), `suggested_measure_id`; other columns are
/// ignored. Decisions: `accept` / `annehmen` / `ja`, `reject` / `ablehnen` / `nein`, `assign` /
/// `zuordnen`, in any case. Rules:
/// - a row with an empty decision is blank (not filled in) and skipped;
/// - `reject` without a measure id says the comment fits no measure (``ReviewDecision/everyMeasure``);
/// - `accept` or `assign` of a measure other than the row's `suggested_measure_id` (the reviewer
///   wrote another measure over the suggestion) also rejects the suggestion;
/// - a cell that Excel-safe writing prefixed with `'` (`'-17`, `'=x`) is read without it;
/// - a row is rejected, with its line and reason, when its comment id is missing, `accept` or
///   `assign` has no measure id, its decision is unknown, or `measureIDs` does not know its measure.
/// A file without `comment_id`, `measure_id` and `decision` columns is refused as a whole.
public enum ReviewReader {
    static let decisionWords: [String: ReviewDecision.Kind] = [
        "accept": .accept, "annehmen": .accept, "ja": .accept,
        "reject": .reject, "ablehnen": .reject, "nein": .reject,
        "assign": .assign, "zuordnen": .assign,
    ]
    /// Accepted names per field, the preferred one first (it wins when a row has both).
    static let names: [(field: String, names: [String])] = [
        ("comment_id", ["comment_id", "comment"]), ("measure_id", ["measure_id", "measure"]), ("decision", ["decision"]),
        ("reviewer", ["reviewer"]), ("date", ["date", "decided_at"]), ("suggested_measure_id", ["suggested_measure_id"]),
    ]
    static let aliases: [String: String] = Dictionary(
        uniqueKeysWithValues: names.flatMap { field, names in names.map { ($0, field) } })

    public static func read(_ url: URL, measureIDs: Set<String>) throws(CorpusError) -> ReviewFile {
        let data = try CommentReader.readData(url)
        let path = CommentReader.displayPath(url)
        let decoded = try TextDecoding.decode(data, encoding: .auto, path: path)
        let rows: [(line: Int, fields: [String: String]?, problem: String?)]
        if ["jsonl", "json", "ndjson"].contains(url.pathExtension.lowercased()) {
            rows = jsonRows(decoded.text)
        } else {
            rows = try csvRows(decoded.text, path: path)
        }
        var file = ReviewFile()
        for row in rows {
            let source = SourceLocation(file: path, line: row.line)
            guard let fields = row.fields else {
                file.rejected.append(RejectedRow(source: source, id: nil, reason: row.problem ?? "unreadable row", excerpt: ""))
                continue
            }
            func value(_ key: String) -> String { unneutralised(fields[key]?.trimmingCharacters(in: .whitespaces) ?? "") }
            let commentID = value("comment_id")
            var measureID = value("measure_id")
            let word = value("decision").lowercased()
            let suggested = value("suggested_measure_id")
            if word.isEmpty {
                file.blank += 1
                continue
            }
            func reject(_ reason: String) {
                let excerpt = [commentID, measureID, word].joined(separator: " ")
                file.rejected.append(
                    RejectedRow(source: source, id: commentID.isEmpty ? nil : commentID, reason: reason, excerpt: excerpt))
            }
            guard let decision = decisionWords[word] else {
                reject("unknown decision \(Untrusted.quoted(word)) (use accept, reject or assign)")
                continue
            }
            guard !commentID.isEmpty else {
                reject("no comment id")
                continue
            }
            if measureID.isEmpty && decision == .reject { measureID = ReviewDecision.everyMeasure }
            guard !measureID.isEmpty, measureID != ReviewDecision.everyMeasure || decision == .reject else {
                reject("no measure id (only reject may leave it empty: the comment fits no measure)")
                continue
            }
            guard measureID == ReviewDecision.everyMeasure || measureIDs.contains(measureID) else {
                reject("unknown measure \(Untrusted.quoted(measureID))")
                continue
            }
            let reviewer = value("reviewer").isEmpty ? nil : value("reviewer")
            let date = value("date").isEmpty ? nil : value("date")
            file.decisions.append(
                ReviewDecision(
                    commentID: commentID, measureID: measureID, decision: decision, reviewer: reviewer, date: date,
                    source: source))
            if decision != .reject, !suggested.isEmpty, suggested != measureID, measureIDs.contains(suggested) {
                file.decisions.append(
                    ReviewDecision(
                        commentID: commentID, measureID: suggested, decision: .reject, reviewer: reviewer, date: date,
                        source: source))
                file.implied += 1
            }
        }
        return file
    }

    /// The cell without the `'` that Excel-safe writing puts before `=`, `+`, `-`, `@`, tab or CR.
    static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.dropFirst().first, "=+-@\t\r".contains(next) else { return cell }
        return String(cell.dropFirst())
    }

    private static func csvRows(
        _ text: String, path: String
    ) throws(CorpusError) -> [(line: Int, fields: [String: String]?, problem: String?)] {
        var records = CSVRecordParser(delimiter: CSVCommentReader.detectDelimiter(text)).records(text)
        guard !records.isEmpty else { throw .missingReviewColumns(path: path, columnsFound: []) }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let keys = header.map { aliases[$0.lowercased()] }
        let required = ["comment_id", "measure_id", "decision"]
        guard required.allSatisfy({ keys.contains($0) }) else {
            throw .missingReviewColumns(path: path, columnsFound: header)
        }
        return records.map { record in
            if let problem = record.problem { return (record.line, nil, "malformed CSV: \(problem)") }
            var fields: [String: String] = [:]
            for (index, cell) in record.fields.enumerated() where index < keys.count {
                if let key = keys[index], fields[key] == nil { fields[key] = cell }
            }
            return (record.line, fields, nil)
        }
    }

    private static func jsonRows(_ text: String) -> [(line: Int, fields: [String: String]?, problem: String?)] {
        var rows: [(line: Int, fields: [String: String]?, problem: String?)] = []
        for (line, parsed) in JSONLines.objects(in: text) {
            guard let object = parsed else {
                rows.append((line, nil, "not a JSON object"))
                continue
            }
            let lowered = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            var fields: [String: String] = [:]
            for (field, names) in names {
                guard let value = names.lazy.compactMap({ lowered[$0] }).first else { continue }
                switch value {
                case let text as String: fields[field] = text
                case let number as NSNumber: fields[field] = number.stringValue
                default: continue
                }
            }
            rows.append((line, fields, nil))
        }
        return rows
    }
}
