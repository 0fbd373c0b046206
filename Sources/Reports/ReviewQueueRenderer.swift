import Analytics

/// Renders the review queue as a CSV a person fills in, in the Excel-safe form of
/// ``AssignmentsCSVRenderer`` (`;`, UTF-8 with BOM, formulas neutralised).
///
/// One row per measure the tool suggests for a comment (one row with an empty measure when it
/// suggests none). The reviewer writes `accept` or `reject` into `decision`; or writes another
/// measure id over `measure_id` with `assign` (which also rejects the suggestion, kept in
/// `suggested_measure_id`); or `reject` with no measure for "fits no measure"; and adds
/// `reviewer` and `date`. `resonanz review import` reads the file back and skips blank rows.
public enum ReviewQueueRenderer {
    static let header = [
        "comment_id", "measure_id", "decision", "reviewer", "date", "suggested_measure_id", "priority", "status", "goal",
        "measure_title",
        "confidence", "evidence", "text",
    ]

    /// - Parameters:
    ///   - queue: indices into `result.comments`, most useful first (an audit: in drawing order).
    ///   - audit: the comments are an audit sample, to be reviewed completely: every measure that
    ///     applies accepted or assigned, every suggestion that does not rejected, and `reject`
    ///     without a measure when none applies; the file says so in its last column.
    public static func render(_ result: RunResult, queue: [Int], audit: Bool = false) -> String {
        let titles = Dictionary(uniqueKeysWithValues: result.framework.measures.map { ($0.id, $0.title) })
        let header = audit ? Self.header + ["audit"] : Self.header
        var lines = [header.map(AssignmentsCSVRenderer.cell).joined(separator: ";")]
        for (position, index) in queue.enumerated() {
            let comment = result.comments[index]
            let suggestions: [MeasureAssignment?] = comment.assignments.isEmpty ? [nil] : comment.assignments
            for suggestion in suggestions {
                let measureID: String = suggestion?.measureID ?? ""
                let title: String = titles[measureID] ?? ""
                let confidence: String = suggestion.map { GermanFormat.decimal($0.confidence, places: 2) } ?? ""
                let evidence: String = suggestion.map { $0.evidence.map(\.term).joined(separator: ", ") } ?? ""
                let fields: [String] =
                    [
                        comment.id, measureID, "", "", "", measureID, "\(position + 1)", comment.status.rawValue,
                        comment.goal ?? "",
                        title, confidence, evidence, comment.text,
                    ] + (audit ? ["review every measure that applies"] : [])
                lines.append(fields.map(AssignmentsCSVRenderer.cell).joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
