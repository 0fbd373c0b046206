import Foundation

/// Turns file bytes into text, and says which lines could not be decoded.
///
/// Rules:
/// - a UTF-8 byte-order mark is skipped; a UTF-16 mark (`FF FE`, `FE FF`, what Excel's "Unicode
///   text" export writes) selects UTF-16;
/// - `.auto`: valid UTF-8 is read as UTF-8. A file with no valid multi-byte UTF-8 sequence at all is
///   read as Windows-1252, which is what Excel writes in German offices (`ß` as the single byte
///   0xDF), with a note. A file that mixes valid UTF-8 with invalid bytes is read as UTF-8, and
///   the lines with invalid bytes are reported so their rows are rejected ("undecodable bytes")
///   instead of being read as `Ã¼`-garbage;
/// - `.utf8`: the same, without the Windows-1252 fallback;
/// - `.windows1252`: every byte is one character; the five bytes Windows-1252 leaves undefined
///   (0x81, 0x8D, 0x8F, 0x90, 0x9D) make their line undecodable.
/// Undecodable bytes become U+FFFD in the text, so line numbers stay right.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: CommentReadOptions.Encoding
        var note: (line: Int, message: String)?
        /// Lines (from 1) that hold bytes the encoding cannot decode.
        var undecodableLines: Set<Int> = []
    }

    static func decode(_ data: Data, encoding: CommentReadOptions.Encoding, path: String)
        throws(CorpusError) -> Decoded
    {
        let all = [UInt8](data)
        if all.starts(with: [0xFF, 0xFE]) || all.starts(with: [0xFE, 0xFF]) {
            return try utf16(all, path: path)
        }
        let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(all.dropFirst(3)) : all
        switch encoding {
        case .windows1252:
            return windows1252(bytes)
        case .utf8, .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: .utf8) }
            if encoding == .auto && !containsMultibyteUTF8(bytes) {
                var decoded = windows1252(bytes)
                decoded.note = (1, "not valid UTF-8; the file was read as Windows-1252 (choose with --encoding)")
                return decoded
            }
            let bad = invalidUTF8Lines(bytes)
            return Decoded(
                text: String(decoding: bytes, as: UTF8.self), encoding: .utf8,
                note: bad.min().map { ($0, "bytes that are not UTF-8 on \(bad.count) line(s); their rows are rejected") },
                undecodableLines: bad)
        }
    }

    /// True when the bytes hold at least one valid UTF-8 sequence of two or more bytes.
    static func containsMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte >= 0xF0 && byte < 0xF5 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 1
            if length > 1, index + length <= bytes.count,
                String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Line numbers (from 1) of the lines that are not valid UTF-8.
    static func invalidUTF8Lines(_ bytes: [UInt8]) -> Set<Int> {
        var result: Set<Int> = []
        for (offset, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            result.insert(offset + 1)
        }
        return result
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

    private static func utf16(_ bytes: [UInt8], path: String) throws(CorpusError) -> Decoded {
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let pair = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            units.append(pair)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .undecodable(path: path, encoding: "UTF-16")
        }
        return Decoded(text: text, encoding: .utf8)
    }
}
