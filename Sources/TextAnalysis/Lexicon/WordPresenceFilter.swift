/// A Bloom filter (Bloom 1970) over the UTF-8 bytes of a set of words: it answers "certainly
/// not one of them" or "perhaps one of them", and never the first for a word it holds.
///
/// Rule: a word's bytes are hashed with ``ByteHash``, and the word sets two bits of one
/// 64-bit block (a blocked Bloom filter, Putze, Sanders & Singler 2007: one cache line a
/// lookup): the block from the hash's low bits, the two bits from bits 32–37 and 38–43. There
/// are at least 16 bits a word; a word not held is "perhaps" for a few per cent of words, and a
/// "perhaps" only costs the exact lookup it was meant to save. The hash is fixed, so the filter
/// is the same in every run.
///
/// Why: the compound splitter asks about every stretch of a word (a dozen letters: some fifty
/// stretches), and most are no word at all; hashing their bytes here is cheaper than making each
/// a `String` and looking it up in the lexicon's and the corpus's tables (Swift's `String`
/// hashing normalises, and its `Hasher` is SipHash).
struct WordPresenceFilter: Sendable {
    private var blocks: [UInt64]
    private let mask: UInt64

    /// A filter sized for `capacity` words, holding none yet.
    init(capacity: Int) {
        var count = 1
        while count * 64 < 16 * capacity { count *= 2 }
        blocks = [UInt64](repeating: 0, count: count)
        mask = UInt64(count - 1)
    }

    mutating func insert(_ word: String) {
        var word = word
        let (block, bits) = word.withUTF8(Self.position)
        blocks[Int(block & mask)] |= bits
    }

    /// False when no word inserted has these bytes.
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (block, bits) = Self.position(bytes)
        return blocks[Int(block & mask)] & bits == bits
    }

    /// The hash of `bytes` (its block before masking) and the two bits it sets in its block.
    private static func position(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let hash = ByteHash.hash(bytes)
        return (hash, 1 << ((hash >> 32) & 63) | 1 << ((hash >> 38) & 63))
    }
}
