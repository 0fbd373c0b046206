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
