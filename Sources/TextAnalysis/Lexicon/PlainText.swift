/// Lines and words of a word list's text, cut by Unicode scalars instead of `Character`s where
/// both give the same: walking a text `Character` by `Character` finds grapheme boundaries at
/// every step, which made reading the lexicon and OpenThesaurus most of a small run's time.
///
/// Rules:
/// - ``lines(_:)``: the stretches between the newline scalars (U+000A–U+000D, U+0085, U+2028,
///   U+2029), empty ones included. Unicode's grapheme rules break before and after each of them
///   (they are Control, CR or LF), so these are the lines `split(whereSeparator: \.isNewline)`
///   finds, but for CR LF, one `Character` and here two separators with an empty line between.
/// - ``isSingleScalar(_:)``: a line none of whose scalars reaches U+0300, the first combining
///   mark. Below it no scalar joins a neighbour into one `Character` (no combining, spacing,
///   prepend or joining marks), so each `Character` is one scalar and a rule on `Character`s
///   gives the same read on scalars (CR LF, one `Character` of two scalars, never lies inside a
///   line).
/// - ``isWhitespace(_:)``: Unicode's White_Space property; for ASCII scalars (U+0009–U+000D and
///   U+0020) without looking the property up.
enum PlainText {
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            var index = 0
            func cut(width: Int) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                index += width
                start = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x0A && byte <= 0x0D {
                    cut(width: 1)
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                    cut(width: 2)
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    cut(width: 3)
                } else {
                    index += 1
                }
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            return lines
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    static func isSingleScalar(_ line: String) -> Bool {
        // UTF-8 lead bytes up to 0xCB encode scalars below U+0300.
        line.utf8.allSatisfy { $0 < 0xCC }
    }

    /// `line` split at the scalars for which `isSeparator` holds, empty pieces left out; for a
    /// line that ``isSingleScalar(_:)`` (so every scalar is one or two bytes).
    static func split(_ line: String, where isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        var line = line
        return line.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            var index = 0
            func cut() {
                if index > start {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let width = byte < 0x80 || index + 1 >= bytes.count ? 1 : 2
                let value = width == 1 ? UInt32(byte) : UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                if let scalar = Unicode.Scalar(value), isSeparator(scalar) {
                    cut()
                    index += width
                    start = index
                } else {
                    index += width
                }
            }
            cut()
            return pieces
        }
    }
}
