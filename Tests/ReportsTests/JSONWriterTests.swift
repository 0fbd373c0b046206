import Analytics
import Foundation
import Reports
import Testing

/// Tests ``JSONWriter``: key order, escaping, fixed decimals.
struct JSONWriterTests {
    @Test func keysKeepTheirOrder() {
        let value = JSONValue.object([JSONMember("z", .int(1)), JSONMember("a", .null), JSONMember("m", .bool(true))])
        #expect(JSONWriter.compact(value) == #"{"z":1,"a":null,"m":true}"#)
        #expect(JSONWriter.pretty(value) == "{\n  \"z\": 1,\n  \"a\": null,\n  \"m\": true\n}\n")
    }

    @Test func stringsAreEscaped() {
        let text = "Zitat: \"Hallo\"\n\tBackslash \\ Steuer\u{01} Ende\u{2028}Straße 👍"
        #expect(JSONWriter.compact(.string(text)) == #""Zitat: \"Hallo\"\n\tBackslash \\ Steuer\u0001 Ende\u2028Straße 👍""#)
    }

    @Test(
        "decimals are fixed and trimmed",
        arguments: [
            (0.5, 4, "0.5"), (1.0, 4, "1"), (0.123456, 4, "0.1235"), (-0.00004, 4, "0"), (-1.25, 1, "-1.3"), (12.0, 0, "12"),
            (Double.nan, 2, "0"),
        ])
    func decimals(_ number: Double, _ places: Int, _ expected: String) {
        #expect(JSONWriter.decimal(number, places: places) == expected)
    }

    /// The bytes the writer gathers are those of the rules written out Character by scalar, on
    /// generated strings (every control character, DEL, U+2028/9, multi-byte and astral scalars,
    /// a lone E2 before other bytes) and numbers at 0 to 8 places.
    @Test func stringsAndDecimalsFollowTheRulesScalarByScalar() {
        let alphabet: [Unicode.Scalar] =
            (0x00...0x7F).compactMap(Unicode.Scalar.init)
            + [0xE4, 0x2027, 0x2028, 0x2029, 0x202A, 0x2080, 0xFEFF, 0x1F44D].compactMap(Unicode.Scalar.init)
        var random = SplitMix64(seed: 5)
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.index(below: 24) { text.append(alphabet[random.index(below: alphabet.count)]) }
            let string = String(text)
            guard JSONWriter.compact(.string(string)) == Self.quoted(string) else {
                Issue.record("\(Array(string.unicodeScalars))")
                break
            }
        }
        for _ in 0..<20000 {
            let number = (random.unit() - 0.5) * pow(10, Double(random.index(below: 24) - 8))
            let places = random.index(below: 9)
            guard JSONWriter.decimal(number, places: places) == Self.decimal(number, places: places) else {
                Issue.record("\(number) at \(places): \(JSONWriter.decimal(number, places: places))")
                break
            }
        }
    }

    /// The escaping rules, scalar by scalar.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}", "\u{2029}": output += "\\u" + String(scalar.value, radix: 16)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// The decimal rule with strings: rounded half away from zero, padded, trailing zeros dropped.
    static func decimal(_ number: Double, places: Int) -> String {
        guard number.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(number) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(number)" }
        let units = Int(scaled)
        var fraction = String(units % Int(scale))
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = "\(number < 0 && units > 0 ? "-" : "")\(units / Int(scale))"
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    @Test func emptyContainers() {
        #expect(JSONWriter.compact(.array([])) == "[]")
        #expect(JSONWriter.compact(.object([])) == "{}")
    }

    /// A lazily built array is written like the same array built at once, whole or in pieces;
    /// pieces end after an item once a megabyte has gathered.
    @Test func lazyArraysWriteLikeArraysAndComeInPieces() {
        let item: @Sendable (Int) -> JSONValue = {
            .object([JSONMember("n", .int($0)), JSONMember("t", .string(String(repeating: "ä", count: 300)))])
        }
        let count = 5000
        let lazy = JSONValue.object([
            JSONMember("head", .string("x")), JSONMember("items", .elements(JSONElements(count: count, item: item))),
            JSONMember("tail", .array([.int(1)])),
        ])
        let eager = JSONValue.object([
            JSONMember("head", .string("x")), JSONMember("items", .array((0..<count).map(item))),
            JSONMember("tail", .array([.int(1)])),
        ])
        #expect(JSONWriter.pretty(lazy) == JSONWriter.pretty(eager))
        #expect(JSONWriter.compact(lazy) == JSONWriter.compact(eager))
        var pieces: [String] = []
        JSONWriter.pretty(lazy) { pieces.append($0) }
        #expect(pieces.joined() == JSONWriter.pretty(eager))
        #expect(pieces.count > 2)
        #expect(
            pieces.dropLast().allSatisfy { $0.utf8.count >= JSONWriter.pieceSize && $0.utf8.count < JSONWriter.pieceSize + 1000 })
        #expect(JSONWriter.pretty(.elements(JSONElements(count: 0, item: item))) == "[]\n")
    }
}
