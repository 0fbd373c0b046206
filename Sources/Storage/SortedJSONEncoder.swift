import Foundation

/// Writes an `Encodable` value as compact JSON text with every object's keys sorted: the bytes
/// Foundation's `JSONEncoder` writes with `.sortedKeys` and its default strategies, without the
/// tree of boxed values it builds first (at a million comments `JSONEncoder` took about 6 % of
/// the run's CPU time).
///
/// The rules, each as `JSONEncoder` applies them:
/// - object keys in the order of their UTF-8 bytes; a key encoded twice keeps its last value;
/// - strings: `"` `\` `/` escaped with a backslash; U+0008, U+0009, U+000A, U+000C and U+000D
///   as `\b` `\t` `\n` `\f` `\r`; other scalars below U+0020 as `\u00xx` (lowercase hex); every
///   other scalar as its UTF-8 bytes;
/// - integers in decimal; `Double` and `Float` as their Swift `description` without a trailing
///   `.0` (`1`, `0.1`, `1e-07`, `1e+16`); a value that is not finite is an
///   `EncodingError.invalidValue`;
/// - `nil` as `null` inside arrays and single values; a member that encodes nothing is `{}`, a
///   whole value that encodes nothing an `EncodingError.invalidValue`;
/// - `Data`, `Date`, `URL` and `Decimal`, which `JSONEncoder` treats by its own strategies, are
///   written by `JSONEncoder` itself.
/// `SortedJSONEncoderTests` compares the bytes with `JSONEncoder`'s on generated values and on
/// the mini run's result.
///
/// How: scalars are written into one growing buffer as they come; an object remembers where
/// each member's bytes lie and, once the value that owns it is encoded, writes itself in key
/// order at the buffer's end and moves down over its own parts. So the buffer holds no more than
/// the finished text and the one object being closed.
struct SortedJSONEncoder {
    func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let buffer = JSONBuffer()
        let root = SortedEncoderNode(buffer: buffer, parent: nil, key: .none)
        let range = try root.encodeValue(value)
        if case .none = root.storage, SortedEncoderNode.foundationSpecial(Value.self) == false {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        return buffer.bytes(range)
    }
}

/// The bytes being written, addressed by offsets (members refer to ranges of it).
final class JSONBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, grown)
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let address = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: address, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends a copy of bytes already written.
    func appendCopy(of range: Range<Int>) {
        reserve(range.count)
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Moves the bytes from `start` to the end down to `target` (≤ `start`) and drops what lay
    /// between; returns where they now lie.
    func moveDown(from start: Int, to target: Int) -> Range<Int> {
        let length = count - start
        if target < start { UnsafeMutableRawPointer(base + target).copyMemory(from: base + start, byteCount: length) }
        count = target + length
        return target..<count
    }

    func bytes(_ range: Range<Int>) -> Data {
        Data(bytes: base + range.lowerBound, count: range.count)
    }

    /// `text` as a JSON string, quoted and escaped (the type's rules).
    func appendString(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            append(UInt8(ascii: "\""))
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
                else { continue }
                append(UnsafeBufferPointer(rebasing: bytes[run..<index]))
                run = index + 1
                append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): append(byte)
                case 0x08: append(UInt8(ascii: "b"))
                case 0x09: append(UInt8(ascii: "t"))
                case 0x0A: append(UInt8(ascii: "n"))
                case 0x0C: append(UInt8(ascii: "f"))
                case 0x0D: append(UInt8(ascii: "r"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    append("u00")
                    hex.withUTF8Buffer { digits in
                        append(digits[Int(byte >> 4)])
                        append(digits[Int(byte & 0x0F)])
                    }
                }
            }
            append(UnsafeBufferPointer(rebasing: bytes[run...]))
            append(UInt8(ascii: "\""))
        }
    }

    func appendInteger<Integer: BinaryInteger>(_ value: Integer) {
        guard var magnitude = UInt64(exactly: value.magnitude) else {
            appendASCII(String(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { append(UInt8(ascii: "-")) }
            append(UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// A finite floating-point value the way `JSONEncoder` writes it.
    func appendFloatingPoint(_ description: String) {
        var text = description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendASCII(text)
    }

    private func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}

/// One value being encoded: the encoder a value's `encode(to:)` is given.
final class SortedEncoderNode: Encoder {
    let buffer: JSONBuffer
    let parent: SortedEncoderNode?
    let key: PathKey
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var storage: Storage = .none

    /// What the value became: nothing yet, a scalar written at a range, or a container.
    enum Storage {
        case none
        case scalar(Range<Int>)
        case object(ObjectParts)
        case array(ArrayParts)
    }

    /// The node's key in its parent: made into a `CodingKey` only when a path is asked for.
    enum PathKey {
        case none
        case key(any CodingKey)
        case index(Int)

        var codingKey: (any CodingKey)? {
            switch self {
            case .none: nil
            case .key(let key): key
            case .index(let index): JSONKey(index: index)
            }
        }
    }

    init(buffer: JSONBuffer, parent: SortedEncoderNode?, key: PathKey) {
        self.buffer = buffer
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: SortedEncoderNode? = self
        while let current = node, let key = current.key.codingKey {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let parts: ObjectParts
        if case .object(let existing) = storage {
            parts = existing
        } else {
            parts = ObjectParts()
            storage = .object(parts)
        }
        return KeyedEncodingContainer(SortedKeyedContainer<Key>(node: self, parts: parts))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let parts: ArrayParts
        if case .array(let existing) = storage {
            parts = existing
        } else {
            parts = ArrayParts()
            storage = .array(parts)
        }
        return SortedUnkeyedContainer(node: self, parts: parts)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SortedSingleValueContainer(node: self)
    }

    /// Encodes `value` as a child of this node (under `key`) and returns where its bytes lie.
    func child<Value: Encodable>(_ value: Value, key: PathKey) throws -> Range<Int> {
        try SortedEncoderNode(buffer: buffer, parent: self, key: key).encodeValue(value)
    }

    /// Encodes `value` with this node as its encoder and returns where its finished bytes lie:
    /// everything written from here on is the value's, so its text replaces it.
    func encodeValue<Value: Encodable>(_ value: Value) throws -> Range<Int> {
        let start = buffer.count
        if let special = try Self.foundationSpecial(value) {
            special.withUnsafeBufferPointer { buffer.append($0) }
            return start..<buffer.count
        }
        try value.encode(to: self)
        return finish(from: start)
    }

    /// The value's finished text at `start`.
    func finish(from start: Int) -> Range<Int> {
        if case .scalar(let range) = storage, range.lowerBound == start, range.upperBound == buffer.count {
            return range
        }
        let end = buffer.count
        write()
        return buffer.moveDown(from: end, to: start)
    }

    /// Writes the value's text at the buffer's end.
    func write() {
        switch storage {
        case .none: buffer.append("{}")
        case .scalar(let range): buffer.appendCopy(of: range)
        case .object(let parts): parts.write(to: buffer)
        case .array(let parts): parts.write(to: buffer)
        }
    }

    /// `JSONEncoder`'s own text of the types it does not encode by their `encode(to:)`.
    static func foundationSpecial<Value: Encodable>(_ value: Value) throws -> [UInt8]? {
        guard foundationSpecial(Value.self) else { return nil }
        return Array(try JSONEncoder().encode(value))
    }

    static func foundationSpecial<Value>(_ type: Value.Type) -> Bool {
        type == Data.self || type == Date.self || type == URL.self || type == Decimal.self
    }

    func scalar(_ write: () -> Void) -> Range<Int> {
        let start = buffer.count
        write()
        return start..<buffer.count
    }

    func floatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Number, key: PathKey
    ) throws -> Range<Int> {
        guard value.isFinite else {
            var path = codingPath
            if let key = key.codingKey { path.append(key) }
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "Unable to encode \(Number.self).\(value) directly in JSON."))
        }
        return scalar { buffer.appendFloatingPoint(value.description) }
    }
}

/// A member's bytes: written, or a container or encoder still to write.
enum JSONPart {
    case written(Range<Int>)
    case node(SortedEncoderNode)
    case object(ObjectParts)
    case array(ArrayParts)

    func write(to buffer: JSONBuffer) {
        switch self {
        case .written(let range): buffer.appendCopy(of: range)
        case .node(let node): node.write()
        case .object(let parts): parts.write(to: buffer)
        case .array(let parts): parts.write(to: buffer)
        }
    }
}

/// An object's members in the order they were encoded.
final class ObjectParts {
    var members: [(key: String, part: JSONPart)] = []

    func write(to buffer: JSONBuffer) {
        var order = Array(members.indices)
        order.sort { lhs, rhs in
            let (left, right) = (members[lhs].key, members[rhs].key)
            if Self.sameBytes(left, right) { return lhs < rhs }
            return Self.precedes(left, right)
        }
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for (position, index) in order.enumerated() {
            // Of equal keys, the last encoded wins.
            if position + 1 < order.count, Self.sameBytes(members[index].key, members[order[position + 1]].key) { continue }
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            buffer.appendString(members[index].key)
            buffer.append(UInt8(ascii: ":"))
            members[index].part.write(to: buffer)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    static func sameBytes(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8)
    }
}

/// An array's items in order.
final class ArrayParts {
    var items: [JSONPart] = []

    func write(to buffer: JSONBuffer) {
        buffer.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            item.write(to: buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }
}

struct SortedKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: SortedEncoderNode
    let parts: ObjectParts
    var codingPath: [any CodingKey] { node.codingPath }

    private func add(_ key: Key, _ range: Range<Int>) {
        parts.members.append((key.stringValue, .written(range)))
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, node.scalar { node.buffer.append("null") }) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        add(key, node.scalar { node.buffer.append(value ? "true" : "false") })
    }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendString(value) }) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, try node.floatingPoint(value, key: .key(key))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, try node.floatingPoint(value, key: .key(key))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        add(key, try node.child(value, key: .key(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectParts()
        parts.members.append((key.stringValue, .object(nested)))
        let child = SortedEncoderNode(buffer: node.buffer, parent: node, key: .key(key))
        return KeyedEncodingContainer(SortedKeyedContainer<NestedKey>(node: child, parts: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayParts()
        parts.members.append((key.stringValue, .array(nested)))
        return SortedUnkeyedContainer(node: SortedEncoderNode(buffer: node.buffer, parent: node, key: .key(key)), parts: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let child = SortedEncoderNode(buffer: node.buffer, parent: node, key: .key(JSONKey(name)))
        parts.members.append((name, .node(child)))
        return child
    }
}

struct SortedUnkeyedContainer: UnkeyedEncodingContainer {
    let node: SortedEncoderNode
    let parts: ArrayParts
    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int { parts.items.count }

    private var nextKey: SortedEncoderNode.PathKey { .index(parts.items.count) }
    private func add(_ range: Range<Int>) { parts.items.append(.written(range)) }

    mutating func encodeNil() throws { add(node.scalar { node.buffer.append("null") }) }
    mutating func encode(_ value: Bool) throws { add(node.scalar { node.buffer.append(value ? "true" : "false") }) }
    mutating func encode(_ value: String) throws { add(node.scalar { node.buffer.appendString(value) }) }
    mutating func encode(_ value: Double) throws { add(try node.floatingPoint(value, key: nextKey)) }
    mutating func encode(_ value: Float) throws { add(try node.floatingPoint(value, key: nextKey)) }
    mutating func encode(_ value: Int) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int8) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int16) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int32) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int64) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt8) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt16) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt32) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt64) throws { add(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { add(try node.child(value, key: nextKey)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectParts()
        let child = SortedEncoderNode(buffer: node.buffer, parent: node, key: nextKey)
        parts.items.append(.object(nested))
        return KeyedEncodingContainer(SortedKeyedContainer<NestedKey>(node: child, parts: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayParts()
        let child = SortedEncoderNode(buffer: node.buffer, parent: node, key: nextKey)
        parts.items.append(.array(nested))
        return SortedUnkeyedContainer(node: child, parts: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = SortedEncoderNode(buffer: node.buffer, parent: node, key: nextKey)
        parts.items.append(.node(child))
        return child
    }
}

struct SortedSingleValueContainer: SingleValueEncodingContainer {
    let node: SortedEncoderNode
    var codingPath: [any CodingKey] { node.codingPath }

    private func set(_ range: Range<Int>) { node.storage = .scalar(range) }

    mutating func encodeNil() throws { set(node.scalar { node.buffer.append("null") }) }
    mutating func encode(_ value: Bool) throws { set(node.scalar { node.buffer.append(value ? "true" : "false") }) }
    mutating func encode(_ value: String) throws { set(node.scalar { node.buffer.appendString(value) }) }
    mutating func encode(_ value: Double) throws { set(try node.floatingPoint(value, key: .none)) }
    mutating func encode(_ value: Float) throws { set(try node.floatingPoint(value, key: .none)) }
    mutating func encode(_ value: Int) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int8) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int16) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int32) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: Int64) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt8) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt16) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt32) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode(_ value: UInt64) throws { set(node.scalar { node.buffer.appendInteger(value) }) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        if let special = try SortedEncoderNode.foundationSpecial(value) {
            set(node.scalar { special.withUnsafeBufferPointer { node.buffer.append($0) } })
        } else {
            try value.encode(to: node)
        }
    }
}

/// A key made by the encoder: `super`, or an array index.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
