import Analytics
import Testing
import _TestSupport

/// Tests ``PhraseFinder``: collocations found, shown as written, never across punctuation.
struct PhraseFinderTests {
    static let texts = [
        "Wir brauchen eine digitale Verwaltung, die funktioniert.",
        "Die digitale Verwaltung spart Wege zum Amt.",
        "Eine digitale Verwaltung wäre schön. Tempo 30 vor der Schule!",
        "Tempo 30 am Ring und mehr Radwege bitte.",
        "Tempo 30 überall in der Stadt.",
        "Die Verwaltung ist langsam. Digitale Angebote fehlen.",
        "Radwege am Ring fehlen, die Stadt plant nichts.",
        // Other word pairs, so that the two phrases stand out against chance.
        "Schnelles Internet, freie Plätze, kurze Wege, gute Schulen, neue Bäume, breite Straßen.",
        "Große Parks, helle Laternen, sichere Kreuzungen, leise Busse, saubere Luft, billige Mieten.",
        "Bunte Märkte, alte Häuser, frische Brötchen, kleine Läden, offene Türen, grüne Höfe.",
    ]

    func phrases(_ texts: [String]) -> PhraseFinder.Phrases {
        let tokens = texts.map(AnalyzerHelpers.analyze)
        var display = DisplayForms()
        for (list, text) in zip(tokens, texts) { display.add(list, text: text) }
        return PhraseFinder(minimumComments: 3).phrases(tokens: tokens, texts: texts, isNoun: display.isNoun)
    }

    @Test func findsCollocationsInTheirMostFrequentSpelling() {
        let found = phrases(Self.texts)
        #expect(Set(found.display) == ["digitale Verwaltung", "Tempo 30"])
        #expect(found.keys == found.keys.sorted() && found.keys.count == found.display.count)
        let digital = found.display.firstIndex(of: "digitale Verwaltung").map { TermID($0) }
        #expect(digital.map { id in found.perComment.indices.filter { found.perComment[$0].contains(id) } } == [0, 1, 2])
        #expect(found.perComment.count == Self.texts.count)
        #expect(found.strength.count == found.keys.count && found.strength.allSatisfy { $0 >= 10.83 })
    }

    @Test func noPhraseAcrossPunctuationOrBelowTheFloor() {
        // "Verwaltung. Digitale" and "Ring fehlen" never count; a pair in two comments is too rare.
        let text = "Die Verwaltung. Digitale Angebote"
        let candidates = PhraseFinder.candidates(AnalyzerHelpers.analyze(text), text: text)
        #expect(candidates.map { $0.spelling(in: text) } == ["Digitale Angebote"])
        #expect(phrases(Array(Self.texts.prefix(2))).display.isEmpty)
        #expect(phrases([]).perComment.isEmpty)
    }
}
