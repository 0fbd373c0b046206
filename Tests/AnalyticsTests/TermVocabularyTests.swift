import Analytics
import Testing
import _TestSupport

/// Tests ``TextTerms`` (content words and compound parts become matching terms) and
/// ``TermVocabulary`` (the run's numbering of them).
struct TermVocabularyTests {
    @Test func compoundPartsMeetTheirWords() {
        let compound = TextTerms(tokens: AnalyzerHelpers.analyze("Fachkräftemangel"))
        let phrase = TextTerms(tokens: AnalyzerHelpers.analyze("Mangel an Fachkräften"))
        let shared = Set(compound.terms).intersection(phrase.terms)
        #expect(shared.count == 2)
    }

    @Test func stopwordsAndNumbersAreNoTerms() {
        let terms = TextTerms(tokens: AnalyzerHelpers.analyze("Das ist z. B. 2026 und 👍"))
        #expect(terms.length == 0)
    }

    @Test func firstSpellingIsKeptForEvidence() throws {
        let (vocabulary, bags) = AnalyzerHelpers.numbered(["Bürger:innen fragen, Bürger antworten"])
        let stem = try #require(vocabulary.id(of: AnalyzerHelpers.analyze("Bürger")[0].stem))
        #expect(bags[0].display(of: stem) == "Bürger:innen")
        #expect(bags[0].count(stem) == 2)
        // Once the evidence is made, the spellings go; terms and counts stay.
        var dropped = bags[0]
        dropped.dropDisplays()
        #expect(dropped.display(of: stem) == nil)
        #expect(dropped.count(stem) == 2 && dropped.terms == bags[0].terms && dropped.length == bags[0].length)
    }

    /// Ids are positions in term order, so id order is term order, whichever text a term came
    /// from first and however many threads numbered them.
    @Test func idsFollowTermOrderOnAnyThreadCount() {
        let texts = [
            TextTerms(words: ["weg", "rad", "weg"]), TextTerms(words: ["bus", "rad"]), TextTerms(words: []),
            TextTerms(words: ["ampel", "zebra", "bus"]), TextTerms(words: ["kita"]),
        ]
        let one = TermVocabulary.bags(texts, threads: 1)
        let two = TermVocabulary.bags(texts, threads: 2)
        #expect(one.vocabulary.terms == ["ampel", "bus", "kita", "rad", "weg", "zebra"])
        #expect(one.vocabulary == two.vocabulary && one.bags == two.bags)
        #expect(one.bags[0].terms.map { one.vocabulary[$0] } == ["rad", "weg"])
        #expect(one.bags[0].count(4) == 2 && one.bags[0].length == 3)
        #expect(one.bags.allSatisfy { $0.terms == $0.terms.sorted() })
        #expect(one.vocabulary.id(of: "bus") == 1 && one.vocabulary.id(of: "tram") == nil)
        #expect(TermVocabulary([]).count == 0)
        // A comment's keyword stems as ids: in the same order; a stem no text has is left out.
        #expect(one.vocabulary.ids(["weg", "bus", "tram"]) == [1, 4])
    }
}
