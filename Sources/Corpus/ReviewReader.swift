import Foundation

/// Reads review decisions from CSV (the file `resonanz review queue` writes, filled in) or JSONL.
///
/// Fields, matched case-insensitively: `comment_id` (or `comment`), `measure_id` (or `measure`),
/// `decision`, `reviewer`, `date` (or `decided_at`); other columns are ignored. Decisions:
/// `accept` / `annehmen` / `ja`, `reject` / `ablehnen` / `nein`, `assign` / `zuordnen`, in any case.
/// A row with an empty decision is blank (not filled in) and skipped. A row is rejected, with its
/// line and reason, when its comment or measure id is missing, its decision is unknown, or
/// `measureIDs` does not know its measure. A file without `comment_id`, `measure_id` and
/// `decision` columns is refused as a whole.
public enum ReviewReader {
    static let decisionWords: [String: ReviewDecision.Kind] = [
        "accept": .accept, "annehmen": .accept, "ja": .accept,
        "reject": .reject, "ablehnen": .reject, "nein": .reject,
        "assign": .assign, "zuordnen": .assign,
    ]
    static let aliases: [String: String] = [
        "comment_id": "comment_id", "comment": "comment_id", "measure_id": "measure_id", "measure": "measure_id",
        "decision": "decision", "reviewer": "reviewer", "date": "date", "decided_at": "date",
    ]

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
            let commentID = fields["comment_id"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let measureID = fields["measure_id"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let word = fields["decision"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if word.isEmpty {
                file.blank += 1
                continue
            }
            func reject(_ reason: String) {
                let excerpt = [commentID, measureID, word].joined(separator: " ")
                file.rejected.append(RejectedRow(source: source, id: commentID.isEmpty ? nil : commentID, reason: reason, excerpt: excerpt))
            }
            guard let decision = decisionWords[word] else {
                reject("unknown decision '\(word)' (use accept, reject or assign)")
                continue
            }
            guard !commentID.isEmpty else {
                reject("no comment id")
                continue
            }
            guard !measureID.isEmpty else {
                reject("no measure id")
                continue
            }
            guard measureIDs.contains(measureID) else {
                reject("unknown measure '\(measureID)'")
                continue
            }
            func optional(_ key: String) -> String? {
                fields[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            file.decisions.append(
                ReviewDecision(
                    commentID: commentID, measureID: measureID, decision: decision, reviewer: optional("reviewer"),
                    date: optional("date"), source: source))
        }
        return file
    }

    private static func csvRows(_ text: String, path: String) throws(CorpusError) -> [(line: Int, fields: [String: String]?, problem: String?)] {
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
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                rows.append((offset + 1, nil, "not a JSON object"))
                continue
            }
            var fields: [String: String] = [:]
            for (name, value) in object {
                guard let key = aliases[name.lowercased()] else { continue }
                switch value {
                case let text as String: fields[key] = text
                case let number as NSNumber: fields[key] = number.stringValue
                default: continue
                }
            }
            rows.append((offset + 1, fields, nil))
        }
        return rows
    }
}
