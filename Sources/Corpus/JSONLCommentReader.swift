import Foundation

/// Reads JSON Lines: one JSON object per line (LF or CRLF); blank lines are no rows.
///
/// Keys are matched like table columns (``FieldMapping``). `labels` may be an array of ids or a
/// `;`-separated string. Numbers and booleans become text; other keys are kept as metadata (as
/// their JSON text). A line that is not a JSON object is rejected with the parser's reason.
/// Escapes of unpaired UTF-16 surrogates (a text cut inside an emoji) are read as U+FFFD with a
/// warning (``SurrogateEscapeRepair``), not rejected.
enum JSONLCommentReader {
    static func read(_ url: URL, options: CommentReadOptions, into acceptor: inout RowAcceptor) throws(CorpusError) {
        let data = try CommentReader.readData(url)
        let path = CommentReader.displayPath(url)
        let decoded = try TextDecoding.decode(data, encoding: options.encoding == .auto ? .utf8 : options.encoding, path: path)
        let text = decoded.text
        var lineNumber = 0
        var notedColumns = false
        var mappings: [[String]: Result<FieldMapping, CorpusError>] = [:]
        var rows = 0
        // Split on the byte 0x0A: as Characters, "\r\n" is one grapheme and would never split.
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            let line = String(decoding: bytes, as: UTF8.self)
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            rows += 1
            let source = SourceLocation(file: path, line: lineNumber)
            if decoded.undecodableLines.contains(lineNumber) {
                acceptor.reject(source, id: nil, reason: "undecodable bytes (not UTF-8)", excerpt: "")
                continue
            }
            var json = Data(bytes)
            if SurrogateEscapeRepair.mayHaveSurrogate(bytes), let repaired = SurrogateEscapeRepair.repair(Array(bytes)) {
                json = Data(repaired.line)
                acceptor.warn(
                    source, id: nil,
                    "\(repaired.replaced) unpaired surrogate escape(s) (\\uD800–\\uDFFF) read as U+FFFD", kind: .repairedText)
            }
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
                    acceptor.reject(source, id: nil, reason: "not a JSON object", excerpt: line)
                    continue
                }
                object = parsed
            } catch {
                acceptor.reject(source, id: nil, reason: "invalid JSON: \(Self.reason(error))", excerpt: line)
                continue
            }
            let keys = object.keys.sorted()
            // Lines of one export nearly always share their keys: map each set of keys once.
            let known: Result<FieldMapping, CorpusError>
            if let cached = mappings[keys] {
                known = cached
            } else {
                known = Result { () throws(CorpusError) in
                    try FieldMapping(names: keys, options: options, path: path, requireText: false)
                }
                mappings[keys] = known
            }
            let mapping: FieldMapping
            switch known {
            case .success(let found): mapping = found
            case .failure(let error):
                acceptor.reject(source, id: nil, reason: error.description, excerpt: line)
                continue
            }
            func value(_ field: CommentField) -> String? {
                guard let key = mapping.name(of: field) else { return nil }
                return scalarText(object[key])
            }
            var labels: [String] = []
            if let key = mapping.name(of: .labels) {
                if let array = object[key] as? [Any] {
                    labels = array.compactMap(scalarText)
                } else if let string = object[key] as? String {
                    labels = FieldMapping.labels(string)
                }
            }
            var metadata: [String: String] = [:]
            for key in keys where !mapping.mappedNames.contains(key) {
                if let text = scalarText(object[key]) {
                    metadata[key] = text
                } else if let value = object[key], !(value is NSNull),
                    let json = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
                {
                    metadata[key] = String(decoding: json, as: UTF8.self)
                }
            }
            var textValue: String? = nil
            if let key = mapping.name(of: .text) {
                guard let text = object[key] as? String else {
                    let reason = object[key] is NSNull ? "empty text" : "field '\(key)' is not text"
                    acceptor.reject(source, id: value(.id), reason: reason, excerpt: line)
                    continue
                }
                textValue = text
            }
            if !notedColumns {
                acceptor.noteColumns(mapping.use(file: path))
                notedColumns = true
            }
            acceptor.accept(
                RawRecord(
                    source: source, id: value(.id), text: FieldMapping.text(title: value(.title), body: textValue),
                    goal: value(.goal),
                    createdAt: value(.createdAt), author: value(.author), parentID: value(.parentID),
                    labels: labels, labelsGiven: mapping.name(of: .labels) != nil, metadata: metadata))
        }
        if rows == 0 {
            acceptor.warn(SourceLocation(file: path, line: 1), id: nil, "the file is empty: 0 rows", kind: .emptyFile)
        }
    }

    private static func scalarText(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            // JSON true/false arrive as a boolean NSNumber subclass; 1 and 0 as plain NSNumber.
            if String(describing: type(of: number)).contains("Boolean") { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return nil
        }
    }

    private static func reason(_ error: Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? error.localizedDescription
    }
}
