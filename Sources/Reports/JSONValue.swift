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

/// Writes ``JSONValue``s as UTF-8 JSON text.
public enum JSONWriter {
    /// Pretty-printed with two-space indentation and a final newline.
    public static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, pretty: true, into: &output)
        output.append("\n")
        return output
    }

    /// ``pretty(_:)`` handed to `emit` piece by piece, in order: a piece ends after an item of an
    /// ``JSONValue/elements(_:)`` array once ``pieceSize`` bytes have gathered, so a file written
    /// this way never needs its whole text in memory.
    public static func pretty(_ value: JSONValue, emit: (String) -> Void) {
        var text = ""
        write(value, indent: 0, pretty: true, into: &text, emit: emit)
        text.append("\n")
        emit(text)
    }

    /// On one line, as JSON Lines needs.
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, pretty: false, into: &output)
        return output
    }

    /// Bytes gathered before a piece is handed on.
    public static let pieceSize = 1 << 20

    /// Writes `value` into `text`, handing `text` to `emit` (and emptying it) after items of
    /// lazy arrays once it holds ``pieceSize`` bytes.
    private static func write(
        _ value: JSONValue, indent: Int, pretty: Bool, into text: inout String, emit: (String) -> Void
    ) {
        switch value {
        case .elements(let elements):
            writeArray(elements.count, indent: indent, pretty: pretty, into: &text) { index, text in
                write(elements.item(index), indent: indent + 1, pretty: pretty, into: &text)
                if text.utf8.count >= pieceSize {
                    emit(text)
                    text = ""
                }
            }
        case .object(let members) where members.contains(where: \.value.isLazy):
            // Member by member, so that a lazy array below can hand on its pieces.
            writeObject(members, indent: indent, pretty: pretty, into: &text) { value, text in
                write(value, indent: indent + 1, pretty: pretty, into: &text, emit: emit)
            }
        default:
            write(value, indent: indent, pretty: pretty, into: &text)
        }
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .int(let number): output.append(String(number))
        case .unsigned(let number): output.append(String(number))
        case .decimal(let number, let places): output.append(decimal(number, places: places))
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
        _ count: Int, indent: Int, pretty: Bool, into output: inout String, writeItem: (Int, inout String) -> Void
    ) {
        guard count > 0 else { return output.append("[]") }
        output.append("[")
        for index in 0..<count {
            if index > 0 { output.append(",") }
            newline(indent + 1, pretty: pretty, into: &output)
            writeItem(index, &output)
        }
        newline(indent, pretty: pretty, into: &output)
        output.append("]")
    }

    /// An object's braces, keys and separators; `writeValue` writes each member's value.
    private static func writeObject(
        _ members: [JSONMember], indent: Int, pretty: Bool, into output: inout String,
        writeValue: (JSONValue, inout String) -> Void
    ) {
        guard !members.isEmpty else { return output.append("{}") }
        output.append("{")
        for (offset, member) in members.enumerated() {
            if offset > 0 { output.append(",") }
            newline(indent + 1, pretty: pretty, into: &output)
            writeString(member.key, into: &output)
            output.append(pretty ? ": " : ":")
            writeValue(member.value, &output)
        }
        newline(indent, pretty: pretty, into: &output)
        output.append("}")
    }

    private static func newline(_ indent: Int, pretty: Bool, into output: inout String) {
        guard pretty else { return }
        output.append(indent < lineStarts.count ? lineStarts[indent] : "\n" + String(repeating: "  ", count: indent))
    }

    /// A line break and the indentation of each of the first levels, made once.
    private static let lineStarts = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    /// `number` rounded half away from zero to `places` decimals, without exponent or trailing
    /// zeros (`0.5`, `12`, `-0.0001`). Numbers too large for that are written in Swift's shortest
    /// round-trip form (`1e+20`, valid JSON); non-finite numbers become 0.
    public static func decimal(_ number: Double, places: Int) -> String {
        guard number.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(number) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(number)" }
        let units = Int(scaled)
        let whole = units / Int(scale)
        var fraction = String(units % Int(scale))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = number < 0 && units > 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Whether `text` holds a control character, `"`, `\`, DEL, U+2028 or U+2029 (bytes E2 80 A8/A9).
    private static func needsEscape(_ text: String) -> Bool {
        var lead: UInt8 = 0
        var middle: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if lead == 0xE2 && middle == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            lead = middle
            middle = byte
        }
        return false
    }

    private static func writeString(_ text: String, into output: inout String) {
        output.append("\"")
        // Most strings need no escape: appended whole.
        if !needsEscape(text) {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{2028}": output.append("\\u2028")
            case "\u{2029}": output.append("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
