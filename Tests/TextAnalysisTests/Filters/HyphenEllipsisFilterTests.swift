import Testing
import TextAnalysis
import _TestSupport

/// Tests ``HyphenEllipsisFilter`` in the full chain.
struct HyphenEllipsisFilterTests {
    @Test func leadingHyphensBorrowTheModifier() {
        let tokens = AnalyzerHelpers.analyze("Fachkräfteausbildung, -gewinnung & -sicherung")
        let words = tokens.filter { $0.kind == .word }
        #expect(words.map(\.display) == ["Fachkräfteausbildung", "Fachkräftegewinnung", "Fachkräftesicherung"])
        #expect(words[1].norm == "fachkräftegewinnung")
        #expect(words[1].parts.map(\.display) == ["Fachkräfte", "Gewinnung"])
        #expect(words[1].surface == "-gewinnung")
    }

    @Test(
        "trailing hyphens borrow the head",
        arguments: [
            ("Innovations- und Digitalstandort", "Innovationsstandort"),
            ("Lebens-, Wohn- und Arbeitsstandortes", "Lebensstandortes"),
            ("Aus-, Fort- und Weiterbildung", "Ausbildung"),
            ("Gründungs- und Transferberatung", "Gründungsberatung"),
            ("Haupt- und Nebenstraße", "Hauptstraße"),
            ("Open-Source- und Open-Data-Projekte", "Open-Source-Projekte"),
        ])
    func trailing(_ text: String, _ completed: String) {
        let first = AnalyzerHelpers.analyze(text).first { $0.suspendedHyphen == .trailing }
        #expect(first?.display == completed)
    }

    @Test func wordThatCannotBeCompletedLosesItsHyphen() {
        let token = AnalyzerHelpers.analyze("-Parkplätze fehlen").first
        #expect(token?.display == "Parkplätze")
        #expect(token?.norm == "parkplätze")
        #expect(token?.isContentWord == true)
    }

    @Test func completedWordsMatchTheirWrittenOutForm() {
        let short = AnalyzerHelpers.analyze("Fachkräfteausbildung, -gewinnung").last
        let long = AnalyzerHelpers.analyze("Fachkräftegewinnung").first
        #expect(short?.stem == long?.stem)
    }
}
