import PropertyBased
import Testing
import _TestSupport

@testable import Analytics

/// Tests ``KeywordHygiene``: its rule on examples, and its Latin-1 table against the rule read
/// Character by Character.
struct KeywordHygieneTests {
    @Test(arguments: [
        ("Radweg", true), ("KI", true), ("Ki", false), ("EU-", true), ("ab", false), ("x", false), ("B2B", false),
        ("@jena", false), ("Straße", true), ("ÖPNV", true), ("Öl", false), ("½Preis", false), ("Ärzt:innen", true),
    ])
    func rule(display: String, expected: Bool) {
        #expect(KeywordHygiene.characterVerdict(display) == expected)
        #expect((KeywordHygiene.latin1Verdict(display) ?? KeywordHygiene.characterVerdict(display)) == expected)
    }

    @Test func latin1TableAgreesWithCharactersOnEveryScalarPair() {
        let scalars = (0..<256).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        for first in scalars {
            for second in scalars {
                let display = "a" + first + second
                #expect(
                    KeywordHygiene.latin1Verdict(display) == KeywordHygiene.characterVerdict(display),
                    "\(display.debugDescription)")
                let short = first + second
                #expect(
                    KeywordHygiene.latin1Verdict(short) == KeywordHygiene.characterVerdict(short), "\(short.debugDescription)")
            }
        }
    }

    @Test func otherTextsGoByCharacters() {
        #expect(KeywordHygiene.latin1Verdict("Stra\u{301}ße") == nil)
        #expect(KeywordHygiene.latin1Verdict("Bürger•innen") == nil)
        #expect(KeywordHygiene.latin1Verdict("Ｊｅｎａ") == nil)
    }

    @Test func agreesOnHostileText() async {
        await propertyCheck(count: 400, input: HostileText.text(pieces: 0...6)) { text in
            if let fast = KeywordHygiene.latin1Verdict(text) {
                #expect(fast == KeywordHygiene.characterVerdict(text), "\(text.debugDescription)")
            }
        }
    }
}
