import Foundation
import PropertyBased
import Testing
import _TestSupport

@testable import Corpus

/// Tests that the readers' ``Swift/String/trimmed(_:)`` is Foundation's trimming, whatever the text.
struct TrimmingTests {
    @Test(arguments: ["", " ", "a", " a ", "\u{00A0}Jena\u{2028}", "Jena\r\n", "\u{3000}x", "x\u{0085}", "ab", "\u{FEFF}x"])
    func agreesWithFoundation(text: String) {
        for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
            #expect(text.trimmed(set) == text.trimmingCharacters(in: set))
        }
    }

    @Test func agreesOnHostileText() async {
        await propertyCheck(count: 400, input: HostileText.text(pieces: 0...8)) { text in
            #expect(text.trimmed(.whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(text.trimmed(.whitespaces) == text.trimmingCharacters(in: .whitespaces))
        }
    }
}
