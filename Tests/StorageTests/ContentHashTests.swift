import Foundation
import Testing

@testable import Storage

/// Tests ``ContentHash`` on published SHA-256 test vectors, and that a text and its UTF-8 bytes
/// hash alike.
struct ContentHashTests {
    @Test func knownDigests() {
        #expect(ContentHash.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: ["Bürger:innen fragen", "ä\u{308}👩‍💻\r\n", String(repeating: "Radweg ", count: 5000)])
    func textAndBytesAgree(text: String) {
        #expect(ContentHash.sha256(text) == ContentHash.sha256(Data(text.utf8)))
        // A bridged or sliced string hashes by the same bytes.
        #expect(ContentHash.sha256(String(text[...])) == ContentHash.sha256(text))
    }
}
