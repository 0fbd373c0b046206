import Testing
import TextAnalysis

/// Tests ``StemFilter``'s keys on norms directly: needs neither ICU nor the word lists.
struct StemFilterTests {
    @Test func transliteratedAndHyphenatedSpellingsMeet() {
        let filter = StemFilter()
        #expect(filter.key("müll") == filter.key("muell"))
        #expect(filter.key("start-up-kultur") == filter.key("startupkultur"))
    }

    /// `Gefahr` lost its `ge` to CISTEM and met `fahren` (evidence read "Fahrer → Gefahr").
    @Test func nounsBeginningWithGeKeepIt() {
        let plain = StemFilter()
        #expect(plain.key("gefahr") == plain.key("fahren"))
        let filter = StemFilter(nounsWithGe: ["gefahr", "gemeinde"])
        #expect(filter.key("gefahr") != filter.key("fahren"))
        #expect(filter.key("gefahr") == "gefahr")
        #expect(filter.key("gemeinde").hasPrefix("gem"))
        #expect(!plain.key("gemeinde").hasPrefix("gem"))
        // A participle not in the list still loses its prefix; compounds of a listed noun keep it.
        #expect(filter.key("gefahren") == filter.key("fahren"))
        #expect(filter.key("gefahrstelle").hasPrefix("gefahr"))
        #expect(filter.key("gemeinderat").hasPrefix("gem"))
    }
}
