/// FNV-1a, 64 bit (Fowler, Noll, Vo): for every UTF-8 byte, `hash = (hash XOR byte) * 1099511628211`,
/// starting from 14695981039346656037. Stable across runs and platforms, unlike `Hasher`, so ids
/// derived from it and hash functions seeded from it are reproducible.
public enum FNV1a {
    public static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// ``hash64(_:)`` as 16 lower-case hex digits.
    public static func hex64(_ text: String) -> String {
        let hex = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
