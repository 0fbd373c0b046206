import Analytics
import Foundation
import TextAnalysis

/// The files of `--export research`: the analyzer's view of every comment and the matrices
/// behind the figures, in formats that Python, R and spreadsheet tools read directly.
///
/// - `research/tokens.jsonl`: per comment (in report order) its id, its redacted text, and its
///   tokens as `resonanz tokenize --json` gives them (offsets are UTF-8 bytes into that text);
/// - `research/dtm.mtx`: the document-term matrix in Matrix Market coordinate format (integer,
///   general, 1-based): rows are comments (`docs.tsv`), columns terms (`vocab.tsv`), values the
///   counts the analysis works with (stems of content words and of their compound parts);
/// - `research/vocab.tsv`: column, term (stem), its most frequent spelling, comments containing it;
/// - `research/docs.tsv`: row, comment id, goal posted under, goal reported under, status, topic;
/// - `research/topic_terms.csv`: per topic its keywords with c-TF-IDF weight and G² (RFC 4180 CSV).
/// Terms are ordered as ``TermMatrix`` orders them: by first appearance, comments in order.
public enum ResearchExportRenderer {
    /// What the export needs of each comment, analysed.
    public struct Analysed: Sendable {
        public var ids: [String]
        public var texts: [String]
        public var tokens: [[Token]]

        public init(ids: [String], texts: [String], tokens: [[Token]]) {
            self.ids = ids
            self.texts = texts
            self.tokens = tokens
        }
    }

    public static func files(_ result: RunResult, analysed: Analysed) -> [(path: String, content: String)] {
        let (terms, bags) = TermVocabulary.bags(analysed.tokens.map { TextTerms(tokens: $0) })
        let matrix = TermMatrix(bags: bags)
        var display = DisplayForms()
        for (tokens, text) in zip(analysed.tokens, analysed.texts) { display.add(tokens, text: text) }
        return [
            ("research/tokens.jsonl", tokens(analysed)),
            ("research/dtm.mtx", matrixMarket(matrix)),
            ("research/vocab.tsv", vocabulary(matrix, terms: terms, display: display)),
            ("research/docs.tsv", documents(result)),
            ("research/topic_terms.csv", topicTerms(result)),
        ]
    }

    static func tokens(_ analysed: Analysed) -> String {
        zip(analysed.ids, zip(analysed.texts, analysed.tokens)).map { id, item in
            JSONWriter.compact(
                .object([
                    JSONMember("id", .string(id)), JSONMember("text", .string(item.0)),
                    JSONMember("tokens", .array(item.1.map(TokenRenderer.value))),
                ])) + "\n"
        }.joined()
    }

    static func matrixMarket(_ matrix: TermMatrix) -> String {
        let entries = matrix.rows.reduce(0) { $0 + $1.count }
        var lines = [
            "%%MatrixMarket matrix coordinate integer general",
            "% Resonanz document-term matrix: rows = comments (docs.tsv), columns = terms (vocab.tsv), 1-based",
            "\(matrix.rows.count) \(matrix.vocabularySize) \(entries)",
        ]
        for (row, terms) in matrix.rows.enumerated() {
            for entry in terms { lines.append("\(row + 1) \(entry.term + 1) \(entry.count)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func vocabulary(_ matrix: TermMatrix, terms: TermVocabulary, display: DisplayForms) -> String {
        var frequency = [Int](repeating: 0, count: matrix.vocabularySize)
        for row in matrix.rows { for entry in row { frequency[entry.term] += 1 } }
        var lines = ["column\tterm\tdisplay\tcomments"]
        for (index, id) in matrix.terms.enumerated() {
            let term = terms[id]
            lines.append("\(index + 1)\t\(tsv(term))\t\(tsv(display.display(term)))\t\(frequency[index])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func documents(_ result: RunResult) -> String {
        var lines = ["row\tid\tgoal\treport_goal\tstatus\ttopic"]
        for (index, comment) in result.comments.enumerated() {
            let fields = [comment.id, comment.goal ?? "", comment.reportGoal ?? "", comment.status.rawValue, comment.topic ?? ""]
            lines.append("\(index + 1)\t" + fields.map(tsv).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func topicTerms(_ result: RunResult) -> String {
        var lines = ["topic,goal,label,rank,term,stem,c_tf_idf,log_likelihood"]
        for topic in result.topics {
            for (rank, keyword) in topic.keywords.enumerated() {
                let fields = [
                    topic.id, topic.goal ?? "", topic.label, "\(rank + 1)", keyword.display, keyword.stem,
                    JSONWriter.decimal(keyword.weight, places: 6), JSONWriter.decimal(keyword.logLikelihood, places: 4),
                ]
                lines.append(fields.map(csv).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Tabs and line breaks cannot stand in a TSV field: they become spaces.
    static func tsv(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    /// RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled.
    static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
