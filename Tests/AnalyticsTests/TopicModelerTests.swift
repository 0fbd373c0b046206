import Foundation
import Analytics
import Testing
import _TestSupport

/// Tests ``TopicModeler`` on a small consultation with two plain subjects, and on tiny scopes.
struct TopicModelerTests {
    static let texts = [
        "Die Radwege am Ring sind zu schmal, Radfahrer brauchen breitere Radwege.",
        "Breitere Radwege und sichere Kreuzungen für Radfahrer, bitte 2025!",
        "Radfahrer fühlen sich auf den Radwegen am Ring unsicher.",
        "Sichere Radwege statt Parkplätzen, sagen die Radfahrer.",
        "Die Kita im Stadtteil hat zu wenig Erzieherinnen und keine Plätze.",
        "Mehr Kitaplätze und Erzieherinnen für den Stadtteil!",
        "Die Kita braucht Erzieherinnen, die Plätze fehlen.",
        "Erzieherinnen verdienen mehr, dann gibt es Kitaplätze.",
    ]

    static func input(_ texts: [String]) -> TopicModeler.Input {
        let tokens = texts.map(AnalyzerHelpers.analyze)
        var display = DisplayForms()
        for (list, text) in zip(tokens, texts) { display.add(list, text: text) }
        return TopicModeler.Input(
            bags: tokens.map { TermBag(tokens: $0) }, keywordStems: tokens.map(keywordStems),
            contributionKeys: texts.indices.map { "c\($0)" }, ids: texts.indices.map { "c\($0)" }, display: display)
    }

    func topics(_ texts: [String], threads: Int = 1) -> [Topic] {
        TopicModeler(clusterer: GSDMM(maximumClusters: 10, iterations: 30, restarts: 3))
            .topics(of: Array(texts.indices), input: Self.input(texts), goal: "g", prefix: "g.", seed: 1, threads: threads)
    }

    @Test func twoSubjectsGiveTwoLabelledTopicsWithQuotes() {
        let found = topics(Self.texts)
        #expect(found.map(\.id) == ["g.T1", "g.T2"])
        #expect(Set(found.map { Set($0.members) }) == [Set(0..<4), Set(4..<8)])
        for topic in found {
            #expect(!topic.label.isEmpty && topic.goal == "g")
            #expect((1...3).contains(topic.quotes.count))
            #expect(topic.quotes.allSatisfy { topic.members.contains($0) })
            // Keyword hygiene: capitalised words, no digits, no stopwords.
            for keyword in topic.keywords {
                #expect(keyword.display.first?.isUppercase == true)
                #expect(keyword.display.allSatisfy { !$0.isNumber })
                #expect(!["Die", "Und", "Für"].contains(keyword.display))
            }
        }
        #expect(found.map { $0.keywords.map(\.display) }.joined().contains("Radwege"))
    }

    @Test func theSameForOneOrTwoThreads() {
        #expect(topics(Self.texts, threads: 1) == topics(Self.texts, threads: 2))
    }

    @Test func tinyScopesGiveNoTopicsAndNoCrash() {
        #expect(topics([]).isEmpty)
        #expect(topics(["Radwege!"]).isEmpty)
        #expect(topics(Array(Self.texts.prefix(2))).isEmpty)  // fewer than 3 comments form no topic
        #expect(topics(Array(Self.texts.prefix(3))).count <= 1)
    }
}

/// Tests ``TopicCoherence`` on hand-counted documents.
struct TopicCoherenceTests {
    @Test func npmiOfAlwaysNeverAndIndependentPairs() {
        let documents: [Set<String>] = [["rad", "weg"], ["rad", "weg"], ["bus"], ["bus", "rad"]]
        let coherence = TopicCoherence(documents: documents)
        // rad: 3/4, weg: 2/4, both 2/4 → ln((0.5)/(0.375)) / −ln(0.5) = 0.415…
        #expect(abs(coherence.npmi(["rad", "weg"]) - log(0.5 / 0.375) / -log(0.5)) < 1e-9)
        // weg and bus never meet: close to −1.
        #expect(coherence.npmi(["weg", "bus"]) < -0.9)
        // Always together: 1.
        #expect(abs(TopicCoherence(documents: [["a", "b"], ["a", "b"], ["c"]]).npmi(["a", "b"]) - 1) < 1e-9)
        #expect(coherence.npmi(["rad"]) == 0)
    }
}
