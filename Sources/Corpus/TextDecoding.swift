import Foundation

/// Turns file bytes into text, and says which lines could not be decoded.
///
/// Rules:
/// - a UTF-8 byte-order mark is skipped; a UTF-16 mark (`FF FE`, `FE FF`, what Excel's "Unicode
///   text" export writes) selects UTF-16, and so do bytes that are plainly UTF-16 without a mark
///   (``utf16WithoutMark(_:)``), with a note;
/// - `.auto`: valid UTF-8 is read as UTF-8. Otherwise, when more lines are invalid UTF-8 than
///   lines hold a valid multi-byte UTF-8 sequence, the file is read as Windows-1252, which is
///   what Excel writes in German offices (`ß` as the single byte 0xDF; a stray pair such as
///   `ß“` that happens to be valid UTF-8 does not tip the balance). Otherwise the file is UTF-8
///   with some rows edited in Windows-1252: each invalid line is read as Windows-1252 on its own,
///   with a note naming the lines;
/// - `.utf8`: lines that are not valid UTF-8 are undecodable, and their rows are rejected;
/// - `.windows1252`: every byte is one character; the five bytes Windows-1252 leaves undefined
///   (0x81, 0x8D, 0x8F, 0x90, 0x9D) make their line undecodable.
/// Undecodable bytes become U+FFFD in the text, so line numbers stay right.
public enum TextDecoding {
    /// The text of a whole file whose encoding is not known (a strategy text, a list): the rules
    /// above with `.auto`; the note, if any, says what was assumed.
    public static func text(of data: Data, path: String) throws(CorpusError) -> (text: String, note: String?) {
        let decoded = try decode(data, encoding: .auto, path: path)
        return (decoded.text, decoded.note?.message)
    }

    struct Decoded {
        var text: String
        var encoding: CommentReadOptions.Encoding
        var note: (line: Int, message: String)?
        /// Lines (from 1) that hold bytes the encoding cannot decode.
        var undecodableLines: Set<Int> = []
    }

    static func decode(
        _ data: Data, encoding: CommentReadOptions.Encoding, path: String
    )
        throws(CorpusError) -> Decoded
    {
        let all = [UInt8](data)
        if all.starts(with: [0xFF, 0xFE]) || all.starts(with: [0xFE, 0xFF]) {
            return try utf16(all, littleEndian: all[0] == 0xFF, from: 2, path: path)
        }
        if let littleEndian = utf16WithoutMark(all) {
            var decoded = try utf16(all, littleEndian: littleEndian, from: 0, path: path)
            decoded.note = (1, "no byte-order mark, but the bytes are UTF-16\(littleEndian ? "LE" : "BE"); read as such")
            return decoded
        }
        let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(all.dropFirst(3)) : all
        if encoding == .windows1252 { return windows1252(bytes) }
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: .utf8) }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let invalid = lines.indices.filter { String(validating: lines[$0], as: UTF8.self) == nil }
        if encoding == .utf8 {
            return Decoded(
                text: String(decoding: bytes, as: UTF8.self), encoding: .utf8,
                note: (invalid[0] + 1, "bytes that are not UTF-8 on \(invalid.count) line(s); their rows are rejected"),
                undecodableLines: Set(invalid.map { $0 + 1 }))
        }
        let utf8Lines = lines.indices.filter { !invalid.contains($0) && lines[$0].contains { $0 >= 0x80 } }.count
        if invalid.count > utf8Lines {
            var decoded = windows1252(bytes)
            decoded.note = (1, "not valid UTF-8; the file was read as Windows-1252 (name its encoding if it is another)")
            return decoded
        }
        // UTF-8 with a few lines in Windows-1252 (rows edited by hand in Excel).
        var text = ""
        var undecodable: Set<Int> = []
        for (offset, line) in lines.enumerated() {
            if offset > 0 { text.append("\n") }
            if let valid = String(validating: line, as: UTF8.self) {
                text.append(valid)
            } else {
                let decoded = windows1252(Array(line))
                text.append(decoded.text)
                if !decoded.undecodableLines.isEmpty { undecodable.insert(offset + 1) }
            }
        }
        let lineList = invalid.prefix(5).map { String($0 + 1) }.joined(separator: ", ") + (invalid.count > 5 ? ", …" : "")
        return Decoded(
            text: text, encoding: .utf8,
            note: (invalid[0] + 1, "line(s) \(lineList) are not UTF-8 and were read as Windows-1252"),
            undecodableLines: undecodable)
    }

    /// Characters of 0x80...0x9F in Windows-1252; nil where it defines none.
    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    private static func windows1252(_ bytes: [UInt8]) -> Decoded {
        var scalars = String.UnicodeScalarView()
        var line = 1
        var bad: Set<Int> = []
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if byte >= 0x80 && byte < 0xA0 {
                if let scalar = windows1252High[Int(byte - 0x80)] {
                    scalars.append(scalar)
                } else {
                    scalars.append("\u{FFFD}")
                    bad.insert(line)
                }
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return Decoded(text: String(scalars), encoding: .windows1252, undecodableLines: bad)
    }

    /// UTF-16 without a byte-order mark, told by its zero bytes: in text that is mostly Latin,
    /// every other byte is 0 (the odd ones in little-endian, the even ones in big-endian), which
    /// UTF-8 and Windows-1252 text never has. Looks at the first 4,096 bytes: a side holding at
    /// least 40 % zeros while the other holds under 5 % decides; nil otherwise.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4, sample.count % 2 == 0 || bytes.count > 4096 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let half = Double(sample.count / 2)
        let even = Double(zeros.even) / half
        let odd = Double(zeros.odd) / half
        if odd >= 0.4 && even < 0.05 { return true }
        if even >= 0.4 && odd < 0.05 { return false }
        return nil
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool, from start: Int, path: String) throws(CorpusError) -> Decoded
    {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = start
        while index + 1 < bytes.count {
            let pair =
                littleEndian
                ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            units.append(pair)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .undecodable(path: path, encoding: "UTF-16")
        }
        return Decoded(text: text, encoding: .utf8)
    }
}
