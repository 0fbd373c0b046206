/// A JSON value whose objects keep their keys in the order they were built.
///
/// Foundation's JSONEncoder on Linux writes object keys in hash order, which changes from one
/// process to the next, and `.sortedKeys` would move `schema_version` away from the first place
/// the contract gives it. Reports therefore build JSON as values and write them with
/// ``JSONWriter``: keys in the order given, numbers with a fixed number of decimals.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// An unsigned integer (seeds use all 64 bits).
    case unsigned(UInt64)
    /// A number written with exactly `places` decimals after rounding (trailing zeros dropped).
    case decimal(Double, places: Int)
    case string(String)
    case array([JSONValue])
    /// An array whose items are built one at a time while it is written, so that a report of a
    /// million comments never holds all their values at once.
    case elements(JSONElements)
    case object([JSONMember])

    /// `string` or `null`.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// `int` or `null`.
    public static func optional(_ number: Int?) -> JSONValue {
        number.map(JSONValue.int) ?? .null
    }

    /// Whether the value is, or holds, an ``elements(_:)`` array.
    var isLazy: Bool {
        switch self {
        case .elements: true
        case .array(let items): items.contains(where: \.isLazy)
        case .object(let members): members.contains(where: \.value.isLazy)
        default: false
        }
    }
}

/// One key and value of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// The items of a ``JSONValue/elements(_:)`` array: `count` of them, item i built by `item(i)`.
public struct JSONElements: Sendable, Equatable {
    public let count: Int
    public let item: @Sendable (Int) -> JSONValue

    public init(count: Int, item: @escaping @Sendable (Int) -> JSONValue) {
        self.count = count
        self.item = item
    }

    /// Equal when they build equal items.
    public static func == (lhs: JSONElements, rhs: JSONElements) -> Bool {
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.item($0) == rhs.item($0) }
    }
}

/// Writes ``JSONValue``s as UTF-8 JSON text: two-space indentation when pretty; in strings `"`,
/// `\`, line feed, carriage return and tab escaped by a backslash, U+2028 and U+2029 as `\u2028`
/// and `\u2029`, other control characters and DEL as `\u00xx`, everything else as written;
/// numbers as ``decimal(_:places:)`` gives them. The text is gathered as bytes.
public enum JSONWriter {
    /// Pretty-printed with two-space indentation and a final newline.
    public static func pretty(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, indent: 0, pretty: true, into: &output)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// ``pretty(_:)`` handed to `emit` piece by piece, in order: a piece ends after an item of an
    /// ``JSONValue/elements(_:)`` array once ``pieceSize`` bytes have gathered, so a file written
    /// this way never needs its whole text in memory.
    public static func pretty(_ value: JSONValue, emit: (String) -> Void) {
        var output: [UInt8] = []
        write(value, indent: 0, pretty: true, into: &output) { emit(String(decoding: $0, as: UTF8.self)) }
        output.append(UInt8(ascii: "\n"))
        emit(String(decoding: output, as: UTF8.self))
    }

    /// On one line, as JSON Lines needs.
    public static func compact(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, indent: 0, pretty: false, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes gathered before a piece is handed on.
    public static let pieceSize = 1 << 20

    /// Writes `value` into `output`, handing `output` to `emit` (and emptying it) after items of
    /// lazy arrays once it holds ``pieceSize`` bytes.
    private static func write(
        _ value: JSONValue, indent: Int, pretty: Bool, into output: inout [UInt8], emit: ([UInt8]) -> Void
    ) {
        switch value {
        case .elements(let elements):
            writeArray(elements.count, indent: indent, pretty: pretty, into: &output) { index, output in
                write(elements.item(index), indent: indent + 1, pretty: pretty, into: &output)
                if output.count >= pieceSize {
                    emit(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
        case .object(let members) where members.contains(where: \.value.isLazy):
            // Member by member, so that a lazy array below can hand on its pieces.
            writeObject(members, indent: indent, pretty: pretty, into: &output) { value, output in
                write(value, indent: indent + 1, pretty: pretty, into: &output, emit: emit)
            }
        default:
            write(value, indent: indent, pretty: pretty, into: &output)
        }
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into output: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &output)
        case .bool(let flag): append(flag ? "true" : "false", to: &output)
        case .int(let number): appendInteger(number, to: &output)
        case .unsigned(let number): appendInteger(number, to: &output)
        case .decimal(let number, let places): appendDecimal(number, places: places, to: &output)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            writeArray(items.count, indent: indent, pretty: pretty, into: &output) { index, output in
                write(items[index], indent: indent + 1, pretty: pretty, into: &output)
            }
        case .elements(let elements):
            writeArray(elements.count, indent: indent, pretty: pretty, into: &output) { index, output in
                write(elements.item(index), indent: indent + 1, pretty: pretty, into: &output)
            }
        case .object(let members):
            writeObject(members, indent: indent, pretty: pretty, into: &output) { value, output in
                write(value, indent: indent + 1, pretty: pretty, into: &output)
            }
        }
    }

    /// An array's brackets and separators for `count` items; `writeItem` writes item i.
    private static func writeArray(
        _ count: Int, indent: Int, pretty: Bool, into output: inout [UInt8], writeItem: (Int, inout [UInt8]) -> Void
    ) {
        guard count > 0 else { return append("[]", to: &output) }
        output.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1, pretty: pretty, into: &output)
            writeItem(index, &output)
        }
        newline(indent, pretty: pretty, into: &output)
        output.append(UInt8(ascii: "]"))
    }

    /// An object's braces, keys and separators; `writeValue` writes each member's value.
    private static func writeObject(
        _ members: [JSONMember], indent: Int, pretty: Bool, into output: inout [UInt8],
        writeValue: (JSONValue, inout [UInt8]) -> Void
    ) {
        guard !members.isEmpty else { return append("{}", to: &output) }
        output.append(UInt8(ascii: "{"))
        for (offset, member) in members.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1, pretty: pretty, into: &output)
            writeString(member.key, into: &output)
            append(pretty ? ": " : ":", to: &output)
            writeValue(member.value, &output)
        }
        newline(indent, pretty: pretty, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    private static func newline(_ indent: Int, pretty: Bool, into output: inout [UInt8]) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    private static func appendInteger<Integer: BinaryInteger>(_ number: Integer, to output: inout [UInt8]) {
        guard let magnitude = UInt64(exactly: number.magnitude) else {
            return output.append(contentsOf: String(number).utf8)
        }
        if number < 0 { output.append(UInt8(ascii: "-")) }
        appendDigits(magnitude, minimumCount: 1, to: &output)
    }

    /// The decimal digits of `value`, at least `minimumCount` of them (leading zeros).
    private static func appendDigits(_ value: UInt64, minimumCount: Int, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var first = digits.count
            var rest = value
            while rest > 0 || digits.count - first < minimumCount {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// `number` rounded half away from zero to `places` decimals, without exponent or trailing
    /// zeros (`0.5`, `12`, `-0.0001`). Numbers too large for that are written in Swift's shortest
    /// round-trip form (`1e+20`, valid JSON); non-finite numbers become 0.
    public static func decimal(_ number: Double, places: Int) -> String {
        var output: [UInt8] = []
        appendDecimal(number, places: places, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendDecimal(_ number: Double, places: Int, to output: inout [UInt8]) {
        guard number.isFinite else { return output.append(UInt8(ascii: "0")) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(number) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return output.append(contentsOf: "\(number)".utf8) }
        let units = Int(scaled)
        if number < 0 && units > 0 { output.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(units / Int(scale)), minimumCount: 1, to: &output)
        // The fraction's `places` digits, its trailing zeros dropped.
        var fraction = units % Int(scale)
        var digits = places
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        guard digits > 0 else { return }
        output.append(UInt8(ascii: "."))
        appendDigits(UInt64(fraction), minimumCount: digits, to: &output)
    }

    /// `text` quoted, escaped by the type's rules: runs that need no escape are copied whole.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            func escape(_ replacement: StaticString, skipping length: Int) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                append(replacement, to: &output)
                run = index + length
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"", skipping: 1)
                case UInt8(ascii: "\\"): escape("\\\\", skipping: 1)
                case 0x0A: escape("\\n", skipping: 1)
                case 0x0D: escape("\\r", skipping: 1)
                case 0x09: escape("\\t", skipping: 1)
                case 0x00..<0x20, 0x7F:
                    escape("\\u00", skipping: 1)
                    let hex: StaticString = "0123456789abcdef"
                    hex.withUTF8Buffer { digits in
                        output.append(digits[Int(byte >> 4)])
                        output.append(digits[Int(byte & 0x0F)])
                    }
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                    index += 2
                default: break
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
