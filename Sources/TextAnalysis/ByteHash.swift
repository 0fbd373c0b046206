/// The hash of a byte string that ``FormTable`` and ``WordPresenceFilter`` key words by.
///
/// Rule: from `0x9E3779B97F4A7C15 XOR length XOR seed`, eight bytes at a time (read little end
/// first), each word mixed in by `h = rotl((h XOR word) · 0xFF51AFD7ED558CCD, 31)`; the last
/// zero to seven bytes as one word, `h = (h XOR tail) · 0xC4CEB9FE1A85EC53`; then MurmurHash3's
/// 64-bit finaliser (Appleby): `h ^= h >> 33; h ·= 0xFF51AFD7ED558CCD; h ^= h >> 33;
/// h ·= 0xC4CEB9FE1A85EC53; h ^= h >> 33`. Fixed, so tables and filters are the same in every
/// run; not for anything an adversary could aim at (a collision costs a comparison, never a
/// wrong answer, in both users).
enum ByteHash {
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count) ^ seed
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 31) | (hash >> 33)
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
