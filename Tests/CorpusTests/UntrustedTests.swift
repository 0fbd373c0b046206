import Corpus
import PropertyBased
import Testing
import _TestSupport

/// Tests ``Untrusted``: no control, separator or bidi character survives; nothing else changes.
struct UntrustedTests {
    @Test func controlCharactersBecomeReplacements() {
        #expect(Untrusted.printable("a\u{1B}]0;x\u{07}b") == "a\u{FFFD}]0;x\u{FFFD}b")
        #expect(Untrusted.printable("n\u{0}u\u{7F}l\u{85}l") == "n\u{FFFD}u\u{FFFD}l\u{FFFD}l")
        #expect(Untrusted.printable("\u{202E}gnaL\u{2066}x\u{2069}\u{2028}") == "\u{FFFD}gnaL\u{FFFD}x\u{FFFD}\u{FFFD}")
        #expect(Untrusted.printable("zwei\nZeilen\tund") == "zwei\u{FFFD}Zeilen\u{FFFD}und")
    }

    @Test func lineBreaksStayWhenAsked() {
        #expect(Untrusted.printable("a\r\nb\rc\nd\te\u{1B}", lineBreaks: true) == "a\nb\nc\nd\te\u{FFFD}")
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["Bürger:innen fordern Radwege – jetzt!", "שלום 👩‍💻 e\u{301} \u{200D}", ""] {
            #expect(Untrusted.printable(text) == text)
        }
    }

    @Test func quotedValuesAreShortAndOnOneLine() {
        let long = String(repeating: "\u{FEFF}", count: 300_000)
        let quoted = Untrusted.quoted(long)
        #expect(quoted.count == 83)
        #expect(quoted.hasSuffix("…'"))
        #expect(Untrusted.quoted("a\nb") == "'a\u{FFFD}b'")
    }

    /// Only hidden scalars are replaced, and none survives. (A helper of its own: the same body
    /// inside the property closure crashed Swift 6.3.1's SendNonSendable pass.)
    static func check(_ text: String, lineBreaks: Bool) -> Bool {
        let shown = Untrusted.printable(text, lineBreaks: lineBreaks)
        let kept: Set<Unicode.Scalar> = lineBreaks ? ["\n", "\t"] : []
        let survivor = shown.unicodeScalars.contains { Untrusted.isHidden($0) && !kept.contains($0) }
        let others = shown.unicodeScalars.filter { $0 != "\u{FFFD}" && !kept.contains($0) }
        let visible = text.unicodeScalars.filter { !Untrusted.isHidden($0) && $0 != "\u{FFFD}" }
        return !survivor && others.elementsEqual(visible)
    }

    @Test func noHiddenScalarSurvives() async {
        await propertyCheck(count: 300, input: HostileText.text()) { text in
            #expect(Self.check(text, lineBreaks: false))
            #expect(Self.check(text, lineBreaks: true))
        }
    }
}
