import Analytics
import Testing
import _TestSupport

/// Tests the rules of ``QueryExpansion`` on hand-made term bags.
struct QueryExpansionTests {
    func query(_ id: String, _ title: String, bag: TermBag) -> MeasureQuery {
        MeasureQuery(
            measure: .init(id: id, goalID: "g", title: title, description: "", keywords: []), title: bag,
            description: TermBag(), keywords: TermBag())
    }

    /// The expansion terms per measure, as stems.
    func expand(
        _ texts: [String], contributions: [Int]? = nil, positives: [Int: Set<Int>] = [:], negatives: [Int: Set<Int>] = [:]
    )
        -> [[String: Double]]
    {
        let (vocabulary, numbered) = AnalyzerHelpers.numbered(texts + ["Radweg", "Bus"])
        let bags = Array(numbered.prefix(texts.count))
        let queries = [
            query("g.rad", "Radweg", bag: numbered[texts.count]), query("g.bus", "Bus", bag: numbered[texts.count + 1]),
        ]
        let index = BM25Index(documents: bags)
        var values: [Double] = []
        for document in bags {
            for query in queries { values.append(index.score(index.contributions(of: query.weights, in: document))) }
        }
        let expansions = QueryExpansion(documents: 10, terms: 5, beta: 0.5).expansions(
            bags: bags, index: index, queries: queries,
            scores: ScoreMatrix(rows: bags.count, columns: queries.count, values: values),
            contributions: contributions ?? Array(bags.indices), positives: positives, negatives: negatives)
        return expansions.map { weights in
            Dictionary(uniqueKeysWithValues: weights.map { (vocabulary[$0.key], $0.value) })
        }
    }

    let texts = [
        "Der Radweg braucht Beleuchtung und Winterdienst.",
        "Am Radweg fehlt Beleuchtung, der Winterdienst räumt nie.",
        "Der Bus braucht eine Beleuchtung an der Haltestelle.",
        "Der Bus hält an der Haltestelle ohne Dach und ohne Beleuchtung.",
        "Ich mag Kuchen.",
    ]

    @Test func wordsTheBestCommentsShareJoinTheQuery() {
        let expansions = expand(texts)
        let stem = { (word: String) in AnalyzerHelpers.analyze(word)[0].stem }
        #expect(expansions[0][stem("Winterdienst")] != nil)
        #expect(expansions[1][stem("Haltestelle")] != nil)
        // Beleuchtung is shared by both measures' comments: it tells them apart no better than chance.
        #expect(expansions[0][stem("Beleuchtung")] == nil && expansions[1][stem("Beleuchtung")] == nil)
        #expect(expansions.allSatisfy { $0.values.allSatisfy { $0 > 0 && $0 <= 0.5 } })
    }

    @Test func aCampaignSpeaksOnceAndRejectedCommentsAreLeftOut() {
        // Comments 0 and 1 as one campaign: only one of them counts, so nothing occurs twice.
        #expect(expand(texts, contributions: [0, 0, 2, 3, 4])[0].isEmpty)
        // A reviewer rejected comment 1 for cycling: the same.
        #expect(expand(texts, negatives: [1: [0]])[0].isEmpty)
        // A comment a reviewer assigned joins the set even when its best measure is another.
        let taught = expand(
            texts + ["Winterdienst und Schneeräumung fehlen.", "Schneeräumung bitte!"], positives: [5: [0], 6: [0]])
        #expect(taught[0][AnalyzerHelpers.analyze("Schneeräumung")[0].stem] != nil)
    }
}
