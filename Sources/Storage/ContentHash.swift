import Crypto
import Foundation

/// Lower-case hex SHA-256: of input files, of comment texts and records, of the corpus. One
/// spelling for every hash the store and the run manifest keep, so they can be compared.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of the UTF-8 bytes of `text`, read in place (a run hashes every comment more than once).
    public static func sha256(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            return hex(hasher.finalize())
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lower-case hex digits per byte.
    static func hex(_ digest: SHA256.Digest) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(2 * SHA256.Digest.byteCount)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
