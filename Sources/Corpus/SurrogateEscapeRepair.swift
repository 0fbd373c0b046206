/// Replaces JSON `\u` escapes of unpaired UTF-16 surrogates by `\uFFFD` before a line is parsed.
///
/// JSON allows any `\uXXXX` escape, and exports cut at a length limit often end a text in the
/// middle of an emoji's surrogate pair (`"…\ud83d"`); Foundation's parser rejects such a line.
/// Rules, scanning the escapes of a line from left to right:
/// - `\uD800`–`\uDBFF` directly followed by `\uDC00`–`\uDFFF` is a pair and stays;
/// - any other `\uD800`–`\uDFFF` escape becomes `\uFFFD` (the replacement character, as a decoder
///   writes it for bytes it cannot read) and is counted;
/// - every other escape, such as `\\` followed by `ud800`, is skipped as a whole.
/// Hex digits match in either case.
enum SurrogateEscapeRepair {
    /// The line with unpaired surrogate escapes replaced, and how many there were; nil when the
    /// line has none. Callers first ask ``mayHaveSurrogate(_:)``, which rules out almost every line.
    static func repair(_ line: [UInt8]) -> (line: [UInt8], replaced: Int)? {
        var output: [UInt8] = []
        output.reserveCapacity(line.count)
        var replaced = 0
        var index = 0
        while index < line.count {
            guard line[index] == UInt8(ascii: "\\"), index + 1 < line.count else {
                output.append(line[index])
                index += 1
                continue
            }
            guard line[index + 1] == UInt8(ascii: "u"), let unit = codeUnit(line, at: index) else {
                output.append(contentsOf: line[index...index + 1])
                index += 2
                continue
            }
            if (0xD800...0xDBFF).contains(unit), let next = codeUnit(line, at: index + 6), (0xDC00...0xDFFF).contains(next) {
                output.append(contentsOf: line[index..<index + 12])
                index += 12
            } else if (0xD800...0xDFFF).contains(unit) {
                output.append(contentsOf: Array(#"\uFFFD"#.utf8))
                replaced += 1
                index += 6
            } else {
                output.append(contentsOf: line[index..<index + 6])
                index += 6
            }
        }
        return replaced == 0 ? nil : (output, replaced)
    }

    /// True when `line` holds `\u` followed by `d` or `D`: the one scan every line pays.
    static func mayHaveSurrogate(_ line: some Sequence<UInt8>) -> Bool {
        var twoBefore: UInt8 = 0
        var oneBefore: UInt8 = 0
        for byte in line {
            if twoBefore == UInt8(ascii: "\\") && oneBefore == UInt8(ascii: "u") && (byte | 0x20) == UInt8(ascii: "d") {
                return true
            }
            (twoBefore, oneBefore) = (oneBefore, byte)
        }
        return false
    }

    /// The value of the escape `\uXXXX` starting at `index`, or nil when there is none.
    private static func codeUnit(_ line: [UInt8], at index: Int) -> UInt32? {
        guard index + 6 <= line.count, line[index] == UInt8(ascii: "\\"), line[index + 1] == UInt8(ascii: "u")
        else { return nil }
        var value: UInt32 = 0
        for byte in line[(index + 2)..<(index + 6)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
