import Analytics
import Testing
import _TestSupport

/// Tests ``DisplayForms``: the spelling shown for a stem, and the noun rule that ignores
/// capitals at sentence starts.
struct DisplayFormsTests {
    func collect(_ texts: [String]) -> (DisplayForms, (String) -> String) {
        var forms = DisplayForms()
        for text in texts { forms.add(AnalyzerHelpers.analyze(text), text: text) }
        return (forms, { AnalyzerHelpers.analyze($0)[0].stem })
    }

    @Test func capitalsAtSentenceStartsDoNotMakeANoun() {
        let (forms, stem) = collect([
            "Bevor wir bauen, fragen wir die Bürger.",
            "Kurze Frage: Wann kommt der Radweg? Bevor es schneit?",
            "„Bevor“ sagt man oft. Die Bürger und der Radweg.",
            "- Bürger wollen mitreden\nRadweg bitte",
        ])
        #expect(!forms.isNoun(stem("bevor")))
        #expect(!forms.isNoun(stem("kurze")))
        #expect(forms.isNoun(stem("Bürger")))
        #expect(forms.isNoun(stem("Radweg")))
        #expect(forms.display(stem("bevor")) == "Bevor")
    }

    @Test func aWordWrittenBothWaysInsideSentencesIsANounWhenMostlyCapitalised() {
        let (forms, stem) = collect(["Wir fahren Rad und mögen das Rad.", "Das rad ist kaputt, das Rad auch."])
        #expect(forms.isNoun(stem("Rad")))
        let (verbs, verbStem) = collect(["Wir fahren gern.", "Sie fahren nie, Fahren ist laut."])
        #expect(!verbs.isNoun(verbStem("fahren")))
    }

    /// A ``DisplayForms/Tally`` counts per word form what ``DisplayForms/add(_:text:)`` counts
    /// per token, suspended hyphens (completed from their neighbours) included.
    @Test func aTallyCountsWhatTheTokensCount() {
        let texts = [
            "Bevor wir bauen, fragen wir die Bürger. Die Bürger und der Radweg.",
            "Fachkräfteausbildung und -gewinnung, Fachkräftegewinnung und -sicherung",
            "radweg Radweg RADWEG. Radweg",
        ]
        var direct = DisplayForms()
        var tally = DisplayForms.Tally()
        var stems: Set<String> = []
        for text in texts {
            let tokens = AnalyzerHelpers.analyze(text)
            direct.add(tokens, text: text)
            tally.add(tokens, text: text)
            stems.formUnion(tokens.map(\.stem))
        }
        var tallied = DisplayForms()
        tallied.add(tally)
        #expect(stems.contains(AnalyzerHelpers.analyze("Fachkräftesicherung")[0].stem))
        for stem in stems {
            #expect(tallied.display(stem) == direct.display(stem), "\(stem)")
            #expect(tallied.isNoun(stem) == direct.isNoun(stem), "\(stem)")
        }
    }
}
