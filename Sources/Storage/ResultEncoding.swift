import Analytics
import Foundation

/// Writes a run's result in the stored format (``ResultFormat``): its header, then the JSON text
/// `JSONEncoder` (sorted keys) gives for the whole value without its texts, written by
/// ``SortedJSONEncoder`` (the same bytes), without ever holding that text whole: the result
/// without its comments is encoded once, the comments `batch` at a time, and the bytes are
/// handed on in parts of `partBytes` (the last one shorter). Joined, the parts are exactly the
/// header and the one-value encoding.
///
/// Why: at a million comments the text is about a gigabyte, and an encoder's scratch adds to it,
/// all at the end of a run that already holds its analysis. The batches are
/// encoded on `threads` threads, a few per thread at a time, and handed on in order.
enum ResultEncoding {
    static func encode(
        _ result: RunResult, partBytes: Int, batch: Int = 1000, threads: Int = 1, part: (Data) throws -> Void
    ) throws {
        let encoder = SortedJSONEncoder()
        var envelope = result
        envelope.comments = []
        envelope = ResultFormat.withoutTexts(envelope)
        let outer = try encoder.encode(envelope)
        guard let slot = emptyTopLevelArray(named: "comments", in: outer) else {
            throw EncodingError.invalidValue(
                result, .init(codingPath: [], debugDescription: "no top-level comments array in the encoded result"))
        }
        var pending = Data()
        func add(_ bytes: Data) throws {
            pending.append(bytes)
            while pending.count >= partBytes {
                try part(pending.prefix(partBytes))
                pending = Data(pending.dropFirst(partBytes))
            }
        }
        // `slot` is the range of `[]`: everything up to and including `[`, then the comments.
        try add(Data(ResultFormat.header))
        try add(outer[..<(slot.lowerBound + 1)])
        let comments = result.comments
        let starts = Array(stride(from: 0, to: comments.count, by: batch))
        let group = 4 * max(1, threads)
        for first in stride(from: 0, to: starts.count, by: group) {
            let batchStarts = Array(starts[first..<min(starts.count, first + group)])
            let arrays = try ParallelMap.map(count: batchStarts.count, threads: threads) { range in
                try range.map { index in
                    let start = batchStarts[index]
                    return try encoder.encode(comments[start..<min(comments.count, start + batch)].map(ResultFormat.withoutText))
                }
            }
            for (offset, array) in arrays.enumerated() {
                // The batch's items without the array's brackets, after a comma from the second on.
                if first + offset > 0 { try add(Data(",".utf8)) }
                try add(array.dropFirst().dropLast())
            }
        }
        try add(outer[(slot.upperBound - 1)...])
        if !pending.isEmpty { try part(pending) }
    }

    /// The byte range of the `[]` that is the value of key `name` in the outermost object of the
    /// compact JSON text `json`.
    static func emptyTopLevelArray(named name: String, in json: Data) -> Range<Int>? {
        let key = Array("\"\(name)\":[]".utf8)
        let bytes = Array(json)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                // A key of the outermost object begins here: is it `name` with an empty array?
                if depth == 1, bytes[index...].starts(with: key) {
                    return (index + key.count - 2)..<(index + key.count)
                }
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }
}
