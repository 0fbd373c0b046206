import Analytics
import Testing
import _TestSupport

/// Tests ``NaiveBayesEM``: self-training spreads a measure's vocabulary from its clear comments
/// to comments BM25 cannot place, and a reviewed comment is scored without its own words.
struct NaiveBayesEMTests {
    let texts = [
        "Radweg Radweg Fahrrad Sattel",  // 0: clearly cycling (BM25 seed)
        "Radweg Fahrrad Sattel Kette",  // 1: clearly cycling
        "Bus Bus Haltestelle Fahrplan",  // 2: clearly bus
        "Bus Haltestelle Fahrplan Ticket",  // 3: clearly bus
        "Sattel Kette",  // 4: no query word, only the cycling comments' words
        "Fahrplan Ticket",  // 5: only the bus comments' words
    ]

    func train(positives: [Int: Set<Int>] = [:]) -> ScoreMatrix {
        let bags = AnalyzerHelpers.numbered(texts).bags
        // BM25 stand-in: cycling scores for comments 0 and 1, bus for 2 and 3, nothing for 4 and 5.
        let scores = ScoreMatrix(rows: 6, columns: 2, values: [5, 0, 4, 0, 0, 5, 0, 4, 0, 0, 0, 0])
        return NaiveBayesEM(seedQuantile: 0).logLikelihoods(
            matrix: TermMatrix(bags: bags), scores: scores, candidates: Array(repeating: [0, 1], count: 6),
            positives: positives, threads: 1)
    }

    @Test func unplacedCommentsFollowTheVocabularyOfTheClearOnes() {
        let likelihood = train()
        #expect(likelihood[4, 0] > likelihood[4, 1])
        #expect(likelihood[5, 1] > likelihood[5, 0])
    }

    @Test func aReviewedCommentIsScoredWithoutItsOwnWords() {
        // Comment 5 reviewed as cycling: in-sample its own words would back that label; left out,
        // the bus comments' vocabulary still speaks for the bus.
        let likelihood = train(positives: [5: [0]])
        #expect(likelihood[5, 1] > likelihood[5, 0])
    }
}
