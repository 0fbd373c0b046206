import Analytics
import Foundation
import Testing
import _TestSupport

@testable import Storage

/// Tests ``SortedJSONEncoder``: its bytes are those of Foundation's `JSONEncoder` with sorted
/// keys, on generated values of every shape `Codable` produces and on the mini run's result.
struct SortedJSONEncoderTests {
    static func foundation<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    /// Whether the two encoders write the same bytes; records the difference when not.
    @discardableResult
    static func same<Value: Encodable>(_ value: Value) throws -> Bool {
        let ours = Array(try SortedJSONEncoder().encode(value))
        let theirs = try foundation(value)
        #expect(
            ours == theirs,
            "ours:   \(String(decoding: ours, as: UTF8.self))\ntheirs: \(String(decoding: theirs, as: UTF8.self))")
        return ours == theirs
    }

    /// Scalars that need escaping, multi-byte and astral ones, combining marks, the quote, the
    /// backslash and the slash.
    static let alphabet: [Unicode.Scalar] =
        (0x00...0x7F).compactMap(Unicode.Scalar.init)
        + [0xA0, 0xC4, 0xDF, 0xE4, 0xE9, 0x301, 0x308, 0x2028, 0x2029, 0x212B, 0xFEFF, 0xFF21, 0x1F600, 0x1F1E9, 0x10FFFF]
        .compactMap(Unicode.Scalar.init)

    static func text(_ random: inout SplitMix64, maximum: Int = 12) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<random.index(below: maximum + 1) { text.append(alphabet[random.index(below: alphabet.count)]) }
        return String(text)
    }

    static func number(_ random: inout SplitMix64) -> Double {
        switch random.index(below: 6) {
        case 0: Double(random.index(below: 2001) - 1000)
        case 1: random.unit() * pow(10, Double(random.index(below: 60) - 30))
        case 2: -random.unit() * pow(10, Double(random.index(below: 618) - 310))
        case 3: Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
        case 4: [0.0, -0.0, 1e15, 1e16, 1e-4, 1e-5, .leastNonzeroMagnitude, .greatestFiniteMagnitude][random.index(below: 8)]
        default: (random.unit() * 1000).rounded() / 100
        }
    }

    enum Kind: String, Codable {
        case alpha
        case beta = "b/eta"
    }

    enum Shape: Codable {
        case point
        case circle(radius: Double)
        case labelled(String, Int)
    }

    struct Leaf: Codable {
        var name: String
        var value: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var present: Int?
        var small: Int8
        var wide: UInt64
        var single: Float
        var kind: Kind
        var shape: Shape
    }

    struct Tree: Codable {
        var leaves: [Leaf]
        var byName: [String: Leaf]
        var byNumber: [Int: [String]]
        var matrix: [[Double]]
        var optionals: [Int?]
        var nested: [String: [String: Int]]
        var empty: [String: Int]
        var none: [Leaf]
    }

    static func leaf(_ random: inout SplitMix64) -> Leaf {
        let shapes: [Shape] = [.point, .circle(radius: number(&random)), .labelled(text(&random), random.index(below: 99))]
        return Leaf(
            name: text(&random), value: number(&random), count: Int(bitPattern: UInt(random.next())),
            flag: random.index(below: 2) == 0, missing: nil, present: random.index(below: 2) == 0 ? nil : 7,
            small: Int8(truncatingIfNeeded: random.next()), wide: random.next(), single: Float(number(&random) / 1e290),
            kind: random.index(below: 2) == 0 ? .alpha : .beta, shape: shapes[random.index(below: 3)])
    }

    static func tree(_ random: inout SplitMix64) -> Tree {
        var byName: [String: Leaf] = [:]
        for _ in 0..<random.index(below: 6) { byName[text(&random, maximum: 4)] = leaf(&random) }
        var byNumber: [Int: [String]] = [:]
        for _ in 0..<random.index(below: 6) { byNumber[random.index(below: 200) - 100] = [text(&random)] }
        var nested: [String: [String: Int]] = [:]
        for _ in 0..<random.index(below: 4) {
            var inner = ["": 1]
            inner[text(&random, maximum: 3)] = random.index(below: 10)
            nested[text(&random, maximum: 3)] = inner
        }
        return Tree(
            leaves: (0..<random.index(below: 4)).map { _ in leaf(&random) }, byName: byName, byNumber: byNumber,
            matrix: (0..<random.index(below: 3)).map { _ in (0..<random.index(below: 4)).map { _ in number(&random) } },
            optionals: [nil, random.index(below: 5), nil], nested: nested, empty: [:], none: [])
    }

    @Test func generatedValuesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SplitMix64(seed: 17)
        // Each loop stops at its first difference.
        for _ in 0..<400 { guard try Self.same(Self.tree(&random)) else { break } }
        for _ in 0..<2000 { guard try Self.same([Self.number(&random)]) else { break } }
        for _ in 0..<2000 {
            guard try Self.same([Self.text(&random, maximum: 40): Self.text(&random, maximum: 40)]) else { break }
        }
    }

    /// Top-level scalars, empty values and containers made by hand: nested containers filled after
    /// their siblings, a key encoded twice, `superEncoder`, a value that encodes nothing.
    @Test func containersMadeByHandAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.same("a/b")
        try Self.same(12)
        try Self.same(-0.0)
        try Self.same([String]())
        try Self.same([String: [Int]]())
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(Nothing()) }
        #expect(throws: EncodingError.self) { try Self.foundation(Nothing()) }
        try Self.same([Nothing(), Nothing()])
        try Self.same(ByHand())
        try Self.same(Hexes())
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct ByHand: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, mid, again }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .zeta)
            var list = container.nestedUnkeyedContainer(forKey: .mid)
            try container.encode(1, forKey: .alpha)
            try nested.encode("later", forKey: .mid)
            try list.encode(true)
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try list.encodeNil()
            try inner.encode(2.5, forKey: .again)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode("x")
            try container.encode("first", forKey: .again)
            try container.encode("second", forKey: .again)
            try Nothing().encode(to: container.superEncoder())
            try 3.encode(to: container.superEncoder(forKey: .zeta))
        }
    }

    /// Every control character, in keys and values.
    struct Hexes: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for scalar in 0..<0x20 {
                let text = String(Character(Unicode.Scalar(UInt8(scalar))))
                try container.encode([text + "k": text])
            }
        }
    }

    @Test func aValueThatIsNotFiniteIsRefusedAsByJSONEncoder() {
        for bad in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["x": [bad]]) }
            #expect(throws: EncodingError.self) { try Self.foundation(["x": [bad]]) }
        }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(Float.nan) }
    }

    @Test func theMiniRunsResultAndSnapshotAreWrittenAsJSONEncoderWritesThem() throws {
        let result = try MiniRun.result()
        try Self.same(result)
        try Self.same(ResultFormat.withoutTexts(result))
        try Self.same(RunSnapshot(result))
        try Self.same(try MiniRun.comments().map(\.metadata))
        try Self.same(try MiniRun.comments().map(\.labels))
    }
}
