import Testing
import TextAnalysis

/// Tests ``Thesaurus``'s reading of the OpenThesaurus text: nouns only, no phrases or annotations,
/// no loose sets, and no words of several senses. Needs neither ICU nor the word lists (the key
/// is lower case plus a plural `e` dropped).
struct ThesaurusTests {
    static let text = """
        # OpenThesaurus - German Thesaurus in text format
        # Automatically generated 2016-04-24 23:01
        Veloweg (schweiz.);Radweg;Radfahrweg;Fahrradweg
        Fahrschein;Ticket;Fahrkarte;Billett;Fahrausweis
        Bahn;Eisenbahn;Zug
        Fahrbahn;Bahn;Spur
        schnell;rasch;zügig
        Deputat...;Konzessions...;Zahlung auf Raten
        """
    static let thesaurus = Thesaurus(text: text) { word in
        let lower = word.lowercased()
        return lower.hasSuffix("e") ? String(lower.dropLast()) : lower
    }

    @Test func nounsOfOneSenseFindTheirSet() {
        #expect(Self.thesaurus.synonyms(of: "Radweg") == ["Veloweg", "Radfahrweg", "Fahrradweg"])
        #expect(Self.thesaurus.synonyms(of: "Radwege") == ["Veloweg", "Radfahrweg", "Fahrradweg"])  // by its key
        #expect(Self.thesaurus.synonyms(of: "Fahrkarte") == ["Fahrschein", "Ticket", "Billett", "Fahrausweis"])
        #expect(Self.thesaurus.version == "2016-04-24 23:01")
    }

    @Test func wordsOfSeveralSensesAndOtherWordsFindNothing() {
        #expect(Self.thesaurus.synonyms(of: "Bahn").isEmpty)  // railway and lane
        #expect(Self.thesaurus.synonyms(of: "schnell").isEmpty)  // not a noun
        #expect(Self.thesaurus.synonyms(of: "Zahlung").isEmpty)  // only in a phrase
        #expect(Self.thesaurus.synonyms(of: "Laterne").isEmpty)
    }
}
