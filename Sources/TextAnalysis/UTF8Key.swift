/// A `String` as a dictionary key by its UTF-8 bytes: hashed and compared byte for byte.
///
/// Swift's `String` hashes and compares by canonical equivalence, normalising to NFC first, which
/// costs more than a lookup saves and joins strings whose bytes differ. A key of text that is
/// already normalised (a token's surface as written, a case-folded NFKC text) needs neither.
public struct UTF8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                left.elementsEqual(right)
            }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}
