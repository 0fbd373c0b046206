import Analytics

/// Renders `assignments.csv` for Excel: `;`-separated, UTF-8 with byte-order mark, CRLF line
/// ends, decimal comma.
///
/// One row per comment and measure (assigned measures, or the candidates of an uncertain
/// comment); one row with an empty measure for an unassigned comment. A cell is quoted when it
/// holds `;`, `"`, a line break, or starts with `=` `+` `-` `@` (or tab/CR); such formula-like
/// cells also get a leading `'`, so Excel shows them as text instead of computing them.
public enum AssignmentsCSVRenderer {
    static let header = [
        "comment_id", "goal", "status", "rank", "measure", "measure_title", "score", "confidence", "evidence",
        "created_at", "text",
    ]

    public static func render(_ result: RunResult) -> String {
        var whole = ""
        render(result) { whole.append($0) }
        return whole
    }

    /// ``render(_:)`` handed to `emit` in pieces of whole rows, each of about
    /// ``JSONWriter/pieceSize`` bytes, so the file never needs to be in memory at once.
    public static func render(_ result: RunResult, emit: (String) -> Void) {
        let titles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        var piece = "\u{FEFF}"
        func add(_ fields: [String]) {
            piece.append(fields.map(cell).joined(separator: ";"))
            piece.append("\r\n")
            if piece.utf8.count >= JSONWriter.pieceSize {
                emit(piece)
                piece = ""
            }
        }
        add(header)
        for comment in result.comments {
            let base = [comment.id, comment.goal ?? "", comment.status.rawValue]
            let tail = [comment.createdAt ?? "", comment.text]
            if comment.assignments.isEmpty {
                add(base + ["", "", "", "", "", ""] + tail)
                continue
            }
            for (rank, assignment) in comment.assignments.enumerated() {
                let evidence = assignment.evidence.map(\.term).joined(separator: ", ")
                let fields =
                    base + [
                        "\(rank + 1)", assignment.measureID, titles[assignment.measureID] ?? "",
                        GermanFormat.decimal(assignment.score, places: 4),
                        GermanFormat.decimal(assignment.confidence, places: 4), evidence,
                    ] + tail
                add(fields)
            }
        }
        if !piece.isEmpty { emit(piece) }
    }

    private static let formulaStart: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func cell(_ value: String) -> String {
        // Most cells start with no formula character and hold no `;`, `"` or line break: a
        // pass over the bytes settles them without looking at Characters.
        let startsPlain = value.utf8.first.map { ![0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? true
        if startsPlain, !value.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return value
        }
        let isFormulaLike = value.first.map { formulaStart.contains($0) } ?? false
        let needsQuotes = isFormulaLike || value.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        let text = (isFormulaLike ? "'" : "") + value
        // Every `"` byte doubled, as a literal replacement would.
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
