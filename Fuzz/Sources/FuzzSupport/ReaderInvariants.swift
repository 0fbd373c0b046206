import Corpus
import Foundation

/// Reads fuzz input as a comments file and checks what every read must satisfy.
///
/// - every accepted comment has a unique id and a text that is not blank, has no NUL and keeps to
///   the length limit; accepted comments come in file order; every rejected row has a reason;
/// - the same bytes read as a second, later file replace every comment of the first and change
///   none (an export read again with the next night's changes nothing);
/// - for JSON Lines, every line that is not blank is one row read (accepted or rejected).
public struct ReaderInvariants: Sendable {
    private let first: ScratchFile
    private let second: ScratchFile
    private let goals: Set<String> = ["ziel-1", "ziel-2"]
    private let options = CommentReadOptions(maximumTextLength: 2_000)

    public init(pathExtension: String) {
        first = ScratchFile(pathExtension: pathExtension, name: "first")
        second = ScratchFile(pathExtension: pathExtension, name: "second")
    }

    public func check(_ bytes: [UInt8]) {
        first.write(bytes)
        second.write(bytes)
        let once: IngestResult
        let twice: IngestResult
        do {
            once = try CommentReader.read([first.url], goalIDs: goals, options: options)
            twice = try CommentReader.read([first.url, second.url], goalIDs: goals, options: options)
        } catch {
            // A file-level error (no text column, unreadable encoding) is a clear message, not a crash.
            require(!error.description.isEmpty, "an error without a message")
            return
        }
        var ids: Set<String> = []
        var previousLine = 0
        for comment in once.comments {
            require(ids.insert(comment.id).inserted, "id \(comment.id) accepted twice")
            require(!comment.text.allSatisfy(\.isWhitespace), "blank text accepted as \(comment.id)")
            require(!comment.text.unicodeScalars.contains("\u{0}"), "NUL accepted in \(comment.id)")
            require(comment.text.count <= options.maximumTextLength, "over-long text accepted as \(comment.id)")
            require(comment.source.line > previousLine, "comments out of file order at line \(comment.source.line)")
            previousLine = comment.source.line
        }
        for row in once.rejected {
            require(!row.reason.isEmpty && row.source.line >= 1, "a rejected row without reason or line")
        }
        require(twice.comments.map(\.id) == once.comments.map(\.id), "reading the file again changed the ids")
        require(twice.comments.map(\.text) == once.comments.map(\.text), "reading the file again changed a text")
        require(twice.superseded == once.comments.count + once.superseded, "the second read did not replace every comment")
        require(twice.rejected.count == 2 * once.rejected.count, "the second read rejected other rows")
        if first.url.pathExtension == "jsonl", let lines = Self.nonBlankLines(bytes) {
            require(once.rowsRead == lines, "\(once.rowsRead) rows read of \(lines) lines")
        }
    }

    /// Lines holding more than whitespace, counted as the JSON Lines reader reads lines; nil for
    /// UTF-16 (marked by its byte-order mark), whose lines are not lines of these bytes.
    static func nonBlankLines(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.split(separator: 0x0A, omittingEmptySubsequences: false).filter { line in
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            return !String(decoding: trimmed, as: UTF8.self).allSatisfy(\.isWhitespace)
        }.count
    }
}
