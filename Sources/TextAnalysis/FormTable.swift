/// Dense ids for word forms, keyed by their UTF-8 bytes and kind: the first form added gets 0,
/// the next new one 1, and so on.
///
/// Rule: two forms are the same when their bytes and kinds are equal; nothing is normalised
/// (Swift's `String` hashing and equality bring both sides to NFC first, which costs more than a
/// lookup of an already normalised or as-written form needs, and joins forms whose bytes
/// differ). The table is open addressing with linear probing, at most half full, over the
/// 64-bit ``ByteHash`` of the bytes, seeded with the kind. A bucket holds the upper half of the
/// hash beside the id, so a probe reads the form's bytes only when those agree; the kind and
/// bytes of all forms lie side by side in one array, and each form's hash is kept, so growing
/// the table never reads the bytes again. Ids depend only on the order in which forms are
/// added, never on the hash. A bucket holds an id in 32 bits: a table of more than four billion
/// forms is not provided for.
public struct FormTable: Sendable {
    /// The kind's byte and the bytes of every form, in id order; form `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Per bucket: the upper 32 bits of the form's hash and its id + 1, or 0 for an empty bucket;
    /// the count of buckets is a power of two.
    private var buckets: [UInt64]

    /// A table that holds `capacity` forms before it first grows.
    public init(capacity: Int = 0) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        buckets = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// The number of forms.
    public var count: Int { ends.count }

    /// The form with id `id`, as its text.
    public func text(of id: Int) -> String {
        String(decoding: bytes[(id == 0 ? 0 : ends[id - 1]) + 1..<ends[id]], as: UTF8.self)
    }

    /// The id of the form `text` of kind `kind`, added first when it is new.
    public mutating func add(_ text: String, kind: TokenKind) -> (id: Int, isNew: Bool) {
        var text = text
        return text.withUTF8 { add($0, kind: kind.code) }
    }

    /// The id of the form `text` of kind `kind`, nil when it has none.
    public func id(of text: String, kind: TokenKind) -> Int? {
        var text = text
        return text.withUTF8 { find($0, kind: kind.code, hash: Self.hash($0, kind: kind.code)).id }
    }

    /// Forgets every form, keeping the memory.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for index in buckets.indices { buckets[index] = 0 }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(key, kind: kind)
        let (found, bucket) = find(key, kind: kind, hash: hash)
        if let found { return (found, false) }
        let id = ends.count
        bytes.append(kind)
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(hash)
        buckets[bucket] = Self.bucket(hash, id)
        if 2 * ends.count > buckets.count { grow() }
        return (id, true)
    }

    /// The id of the key, or nil and the empty bucket where it belongs.
    private func find(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8, hash: UInt64) -> (id: Int?, bucket: Int) {
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = buckets[bucket]
            if entry == 0 { return (nil, bucket) }
            if entry >> 32 == hash >> 32 {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if matches(id, key, kind: kind) { return (id, bucket) }
            }
            bucket = (bucket + 1) & mask
        }
    }

    private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>, kind: UInt8) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == key.count + 1 else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            guard stored[start] == kind else { return false }
            var index = 0
            while index < key.count {
                if stored[start + 1 + index] != key[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        buckets = Array(repeating: 0, count: 2 * buckets.count)
        let mask = buckets.count - 1
        for id in hashes.indices {
            var bucket = Int(truncatingIfNeeded: hashes[id]) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Self.bucket(hashes[id], id)
        }
    }

    private static func bucket(_ hash: UInt64, _ id: Int) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    }

    /// ``ByteHash`` with the kind in the seed's top byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, kind: UInt8) -> UInt64 {
        ByteHash.hash(key, seed: UInt64(kind) << 56)
    }
}

extension TokenKind {
    /// A byte for the kind (``FormTable``'s keys).
    var code: UInt8 {
        switch self {
        case .word: 0
        case .number: 1
        case .url: 2
        case .email: 3
        case .emoji: 4
        case .other: 5
        }
    }
}
