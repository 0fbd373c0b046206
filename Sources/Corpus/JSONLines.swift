import Foundation

/// The objects of a JSON Lines text, one per line, for the files read whole as text (review
/// decisions, topic benchmarks).
///
/// Rules: the text is split at every line break (CRLF too); blank lines are skipped; a line that
/// does not parse, or parses to anything but an object, gives `nil` with its line number (from
/// 1), for the caller to reject or refuse. Comment files are read by ``JSONLCommentReader``
/// instead, byte by byte, because a line there may hold bytes that are not UTF-8 or unpaired
/// surrogate escapes, which it rejects or repairs line by line.
public enum JSONLines {
    public static func objects(in text: String) -> [(line: Int, object: [String: Any]?)] {
        var result: [(line: Int, object: [String: Any]?)] = []
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            result.append((offset + 1, try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
        }
        return result
    }
}
