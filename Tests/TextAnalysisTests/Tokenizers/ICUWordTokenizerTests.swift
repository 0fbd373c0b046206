import Testing
import TextAnalysis
import _TestSupport

/// Tests ``ICUWordTokenizer``: kinds, byte offsets, and the German joins.
struct ICUWordTokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let surfaces: [String]
        let kinds: [TokenKind]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Mehr Radwege für Jena!", surfaces: ["Mehr", "Radwege", "für", "Jena"], kinds: [.word, .word, .word, .word]),
        Case(
            text: "27,9 je 1.000 Beschäftigte", surfaces: ["27,9", "je", "1.000", "Beschäftigte"],
            kinds: [.number, .word, .number, .word]),
        Case(
            text: "Infos: https://www.jena.de/beteiligung?id=4&x=1.",
            surfaces: ["Infos", "https://www.jena.de/beteiligung?id=4&x=1"],
            kinds: [.word, .url]),
        Case(
            text: "siehe www.jena.de oder uni-jena.de/studium",
            surfaces: ["siehe", "www.jena.de", "oder", "uni-jena.de/studium"], kinds: [.word, .url, .word, .url]),
        Case(
            text: "Mail an max.muster@stadt.jena.de!", surfaces: ["Mail", "an", "max.muster@stadt.jena.de"],
            kinds: [.word, .word, .email]),
        Case(text: "Super 👍🏽 und ❤️ 👨‍👩‍👧", surfaces: ["Super", "👍🏽", "und", "❤️", "👨‍👩‍👧"], kinds: [.word, .emoji, .word, .emoji, .emoji]),
        Case(
            text: "Kosten 2.500 € (ca. 30 %)", surfaces: ["Kosten", "2.500", "€", "ca", "30", "%"],
            kinds: [.word, .number, .other, .word, .number, .other]),
        Case(
            text: "Bürger:innen und Bürger*innen", surfaces: ["Bürger:innen", "und", "Bürger*innen"],
            kinds: [.word, .word, .word]),
        Case(
            text: "Bürger/-innen, Bürger(innen), Bürger/innen", surfaces: ["Bürger/-innen", "Bürger(innen)", "Bürger/innen"],
            kinds: [.word, .word, .word]),
        Case(
            text: "BürgerInnen Bürger_innen Expert·innen", surfaces: ["BürgerInnen", "Bürger_innen", "Expert·innen"],
            kinds: [.word, .word, .word]),
        Case(text: "eine:n Ärzt:in fragen", surfaces: ["eine:n", "Ärzt:in", "fragen"], kinds: [.word, .word, .word]),
        Case(
            text: "Start-up-Kultur, E-Mail-Adresse, Tempo-30-Zone",
            surfaces: ["Start-up-Kultur", "E-Mail-Adresse", "Tempo-30-Zone"], kinds: [.word, .word, .word]),
        Case(text: "Bürger:innen-Beteiligung", surfaces: ["Bürger:innen-Beteiligung"], kinds: [.word]),
        Case(text: "von 2021-2023", surfaces: ["von", "2021", "2023"], kinds: [.word, .number, .number]),
        Case(
            text: "Fachkräfteausbildung, -gewinnung & -sicherung",
            surfaces: ["Fachkräfteausbildung", "-gewinnung", "&", "-sicherung"],
            kinds: [.word, .word, .other, .word]),
        Case(
            text: "Innovations- und Digitalstandort", surfaces: ["Innovations-", "und", "Digitalstandort"],
            kinds: [.word, .word, .word]),
        Case(
            text: "z. B. und z.B. sowie u. a. bzw. d. h.", surfaces: ["z. B.", "und", "z.B.", "sowie", "u. a.", "bzw", "d. h."],
            kinds: [.word, .word, .word, .word, .word, .word, .word]),
        Case(text: "Jena. Es war", surfaces: ["Jena", "Es", "war"], kinds: [.word, .word, .word]),
        Case(text: "Radwege.Die Busse", surfaces: ["Radwege", "Die", "Busse"], kinds: [.word, .word, .word]),
        Case(text: "Bürger:innen.Das", surfaces: ["Bürger:innen", "Das"], kinds: [.word, .word]),
        Case(text: "a@b.de'www.jena.de/x", surfaces: ["a@b.de", "www.jena.de/x"], kinds: [.email, .url]),
        Case(text: "info@jena.de'x@y.de", surfaces: ["info@jena.de", "x@y.de"], kinds: [.email, .email]),
        Case(text: "Platz 1️⃣ für 🇩🇪", surfaces: ["Platz", "1️⃣", "für", "🇩🇪"], kinds: [.word, .emoji, .word, .emoji]),
    ]

    @Test("surfaces and kinds", arguments: cases)
    func tokenizes(_ example: Case) {
        let tokens = AnalyzerHelpers.tokenize(example.text)
        #expect(tokens.map(\.surface) == example.surfaces)
        #expect(tokens.map(\.kind) == example.kinds)
    }

    @Test(
        "offsets are UTF-8 byte offsets that slice to the surface",
        arguments: cases.map(\.text) + ["", "   ", "Grüße aus Zwätzen 🚋"])
    func offsetsSliceToSurface(_ text: String) {
        let bytes = Array(text.utf8)
        var previousEnd = 0
        for token in AnalyzerHelpers.tokenize(text) {
            #expect(token.start >= previousEnd && token.start < token.end && token.end <= bytes.count)
            #expect(String(decoding: bytes[token.start..<token.end], as: UTF8.self) == token.surface)
            previousEnd = token.end
        }
    }

    @Test func emptyTextHasNoTokens() {
        #expect(AnalyzerHelpers.tokenize("").isEmpty)
        #expect(AnalyzerHelpers.tokenize(" \n\t ").isEmpty)
    }

    @Test func suspendedHyphensAreMarked() {
        let tokens = AnalyzerHelpers.tokenize("Aus-, Fort- und Weiterbildung sowie -planung")
        #expect(tokens.map(\.suspendedHyphen) == [.trailing, .trailing, nil, nil, nil, .leading])
    }

    @Test func dashesBetweenWordsDoNotJoin() {
        let tokens = AnalyzerHelpers.tokenize("Jena – Stadt der Wissenschaft")
        #expect(tokens.map(\.surface) == ["Jena", "Stadt", "der", "Wissenschaft"])
    }
}
