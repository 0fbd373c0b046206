import Analytics
import Foundation
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
        let (vocabulary, bags) = TermVocabulary.bags(tokens.map { TextTerms(tokens: $0) })
        return TopicModeler.Input(
            bags: bags, keywordStems: tokens.map { vocabulary.ids(keywordStems($0)) },
            contributionKeys: texts.indices.map { "c\($0)" }, ids: texts.indices.map { "c\($0)" }, vocabulary: vocabulary,
            display: display)
    }

    func topics(_ texts: [String], method: TopicClustering.Method = .gsdmm, threads: Int = 1) -> [Topic] {
        TopicModeler(clustering: TopicClustering(method: method))
            .topics(of: Array(texts.indices), input: Self.input(texts), goal: "g", prefix: "g.", seed: 1, threads: threads)
            .topics
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

    @Test func kMeansFindsTheSameTwoSubjects() {
        #expect(Set(topics(Self.texts, method: .kmeans).map { Set($0.members) }) == [Set(0..<4), Set(4..<8)])
    }

    @Test(arguments: TopicClustering.Method.allCases)
    func theSameForOneOrTwoThreads(method: TopicClustering.Method) {
        #expect(topics(Self.texts, method: method, threads: 1) == topics(Self.texts, method: method, threads: 2))
    }

    @Test func aLargeScopeChoosesKOnASampleAndClustersAll() {
        let modeler = TopicModeler(selection: TopicCountSelection(candidates: [2, 3], averageSize: 1, sampleLimit: 6))
        let input = Self.input(Self.texts)
        let one = modeler.topics(of: Array(Self.texts.indices), input: input, goal: nil, prefix: "", seed: 1, threads: 1)
        let two = modeler.topics(of: Array(Self.texts.indices), input: input, goal: nil, prefix: "", seed: 1, threads: 2)
        #expect(one.topics == two.topics && one.scores == two.scores)
        #expect(one.scores.map(\.clusters) == [2])  // six sampled comments hold two topics of 3 at most
        #expect(Set(one.topics.flatMap(\.members)).count == 8)
    }

    /// Scopes found together (their runs shared among the threads) are the scopes found one by
    /// one: the same topics, counts and scores, an empty scope among them included, for a
    /// sampled scope too, and with the previous run's K held.
    @Test(arguments: [1, 2])
    func severalScopesAtOnceAreEachScopeAlone(threads: Int) {
        let modeler = TopicModeler(selection: TopicCountSelection(candidates: [2, 3], averageSize: 1, sampleLimit: 6))
        let input = Self.input(Self.texts)
        let held = TopicCountState(clusters: 2, best: 2, challenger: 3, streak: 2)
        let requests = [
            TopicModeler.ScopeRequest(members: Array(Self.texts.indices), goal: nil, prefix: ""),
            TopicModeler.ScopeRequest(members: [], goal: "leer", prefix: "leer."),
            TopicModeler.ScopeRequest(members: Array(0..<6), goal: "a", prefix: "a.", previous: held),
            TopicModeler.ScopeRequest(members: [1, 3, 5, 7, 0, 2], goal: "b", prefix: "b."),
        ]
        let together = modeler.topics(of: requests, input: input, seed: 4, threads: threads)
        #expect(together.count == requests.count)
        for (request, scope) in zip(requests, together) {
            let alone = modeler.topics(
                of: request.members, input: input, goal: request.goal, prefix: request.prefix, seed: 4, threads: 1,
                previous: request.previous)
            #expect(scope.topics == alone.topics && scope.count == alone.count && scope.scores == alone.scores)
        }
        #expect(together[1].topics.isEmpty && together[1].count == nil)
        #expect(together[2].count?.clusters == 2 && Set(together[0].topics.flatMap(\.members)).count == 8)
    }

    @Test func aFixedNumberOfTopicsIsUsedAsGiven() {
        let modeler = TopicModeler(fixedTopics: 1)
        let scope = modeler.topics(
            of: Array(Self.texts.indices), input: Self.input(Self.texts), goal: nil, prefix: "", seed: 0, threads: 1)
        #expect(scope.topics.count == 1 && scope.topics[0].members.count == 8)
        #expect(scope.count == nil && scope.scores.isEmpty)
    }

    @Test func theLabelStartsWithASignificantPhrase() {
        let phrase = Keyword(
            stem: "digital verwaltung", display: "digitale Verwaltung", comments: 4, logLikelihood: 20, logRatio: 2)
        let keywords = [
            TopicKeyword(stem: "verwaltung", display: "Verwaltung", weight: 1),
            TopicKeyword(stem: "amt", display: "Amt", weight: 1),
            TopicKeyword(stem: "termin", display: "Termin", weight: 1), TopicKeyword(stem: "app", display: "App", weight: 1),
        ]
        #expect(TopicModeler.label(phrases: [phrase], keywords: keywords) == "digitale Verwaltung · Amt · Termin")
        #expect(TopicModeler.label(phrases: [], keywords: keywords) == "Verwaltung · Amt · Termin")
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
        let documents: [StemSet] = [["rad", "weg"], ["rad", "weg"], ["bus"], ["bus", "rad"]]
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

/// Tests the choice of quotes: closest to the centre first.
struct TopicQuoteTests {
    @Test func theTypicalCommentIsClosestToTheCentre() {
        let bags = TermVocabulary.bags([
            TextTerms(words: ["rad", "weg", "ring"]), TextTerms(words: ["rad", "weg"]),
            TextTerms(words: ["rad", "weg", "kita"]), TextTerms(words: ["bus"]),
        ]).bags
        let closeness = TopicModeler.closenessToCentre(bags)
        #expect(closeness[1] == closeness.max())
        #expect(closeness[3] == closeness.min())
        #expect(TopicModeler.closenessToCentre([]).isEmpty)
    }
}
