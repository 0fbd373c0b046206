import PropertyBased
import Testing
import _TestSupport

@testable import Analytics

/// Tests that ``DuplicateDetector/normalizedKey(_:)``'s byte-level whitespace collapsing gives
/// what splitting at whitespace Characters gives, or steps aside.
struct DuplicateKeyTests {
    static func byCharacters(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [
        "  Mehr  Radwege\tfür\r\nJena  ", "ä ö ü ß", "Tempo 30 – jetzt", "„Digitalisierung“ ist gut", "", "   ",
        "a\u{000B}b\u{000C}c",
    ])
    func collapsesLikeCharacters(text: String) {
        #expect(DuplicateDetector.collapsingASCIIWhitespace(text) == Self.byCharacters(text))
    }

    /// Where a Character holding a space is not whitespace as a whole (or a non-ASCII space
    /// appears), the byte path declines.
    @Test(arguments: [
        "a \u{301}b", "\u{0600} 1", "a \u{200D}b", "👍 \u{1F3FD}", "a\u{00A0}b", "a\u{2009}b", "a\u{3000}b", "a\u{0085}b",
        "a\u{2028}b", "a\u{202F}b",
    ])
    func declinesWhereCharactersDecide(text: String) {
        #expect(DuplicateDetector.collapsingASCIIWhitespace(text) == nil)
    }

    @Test func agreesOnHostileText() async {
        await propertyCheck(count: 400, input: HostileText.text()) { text in
            if let fast = DuplicateDetector.collapsingASCIIWhitespace(text) {
                #expect(fast == Self.byCharacters(text), "\(text.debugDescription)")
            }
        }
    }

    /// Texts equal after folding and collapsing are exact duplicates, whatever their case, spaces,
    /// composition of umlauts, punctuation or emoji; a text that differs (here in an emoji's skin
    /// tone) is not.
    @Test func exactDuplicatesAcrossSpellings() {
        let texts = [
            "„Mehr Radwege“ für Jena 👍🏽", "Bu\u{308}rger fragen", "„MEHR  Radwege“\tfür Jena 👍🏽", "Bürger fragen",
            "Straße", "STRASSE", "„Mehr Radwege“ für Jena 👍", "Bürger  FRAGEN ",
        ]
        let (vocabulary, _) = TermVocabulary.bags(texts.map { _ in TextTerms(words: []) })
        let found = DuplicateDetector(seed: 1).detect(
            texts: texts, contentStems: texts.map { _ in TermSet() }, vocabulary: vocabulary)
        #expect(found.map(\.duplicateOf) == [nil, nil, 0, 1, nil, 4, nil, 1])
    }
}
