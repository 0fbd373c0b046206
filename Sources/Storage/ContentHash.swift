import Crypto
import Foundation

/// Lower-case hex SHA-256: of input files, of comment texts and records, of the corpus. One
/// spelling for every hash the store and the run manifest keep, so they can be compared.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }
}
