import Analytics
import Foundation
import Testing
import _TestSupport

/// Tests ``TopicCountSelection``: which Ks are tried, which one wins, and how the number of
/// topics is held from run to run.
struct TopicCountSelectionTests {
    let selection = TopicCountSelection(candidates: [2, 3, 4, 6], averageSize: 10, tolerance: 0.25, confirmations: 3)

    func scores(_ values: [Int: Double]) -> [TopicCountSelection.Score] {
        values.keys.sorted().map {
            TopicCountSelection.Score(clusters: $0, coherence: 0, stability: 0, score: values[$0] ?? 0, runs: 5)
        }
    }

    @Test func candidatesFitTheComments() {
        #expect(selection.candidates(comments: 100, floor: 3) == [2, 3, 4, 6])
        #expect(selection.candidates(comments: 35, floor: 3) == [2, 3])
        #expect(selection.candidates(comments: 5, floor: 3) == [2])  // the smallest, even when none fits
        #expect(selection.candidates(comments: 100, floor: 30) == [2, 3])
    }

    @Test func theSmallestKNearTheBestWins() {
        #expect(selection.best(scores([2: 0, 3: 1.0, 4: 1.2, 6: -1])) == 3)  // 1.0 lies within 0.25 of 1.2
        #expect(selection.best(scores([2: 0, 3: 0.5, 4: 1.2, 6: -1])) == 4)
    }

    @Test func aNewBestKTakesOverOnlyAfterWinningThreeRunsInARow() {
        let first = selection.hold(scores([2: 0, 3: 0, 4: 2, 6: 0]), previous: nil)
        #expect(first == TopicCountState(clusters: 4, best: 4, challenger: nil, streak: 0))
        let sixWins = scores([2: 0, 3: 0, 4: 0.5, 6: 2])
        let second = selection.hold(sixWins, previous: first)
        #expect(second == TopicCountState(clusters: 4, best: 6, challenger: 6, streak: 1))
        let third = selection.hold(sixWins, previous: second)
        #expect(third.clusters == 4 && third.streak == 2)
        let fourth = selection.hold(sixWins, previous: third)
        #expect(fourth == TopicCountState(clusters: 6, best: 6, challenger: nil, streak: 0))
    }

    @Test func anInterruptedStreakStartsAgain() {
        let held = TopicCountState(clusters: 4, best: 6, challenger: 6, streak: 2)
        // 4 is back within the tolerance of the best: the challenger loses its streak.
        #expect(
            selection.hold(scores([2: 0, 3: 0, 4: 1.9, 6: 2]), previous: held)
                == TopicCountState(clusters: 4, best: 4, challenger: nil, streak: 0))
        // Another challenger starts from one.
        #expect(
            selection.hold(scores([2: 2, 3: 0, 4: 0, 6: 0]), previous: held)
                == TopicCountState(clusters: 4, best: 2, challenger: 2, streak: 1))
    }

    @Test func aHeldKThatNoLongerFitsIsReplacedAtOnce() {
        let held = TopicCountState(clusters: 12, best: 12, challenger: nil, streak: 0)
        #expect(
            selection.hold(scores([2: 0, 3: 1]), previous: held)
                == TopicCountState(clusters: 3, best: 3, challenger: nil, streak: 0))
    }

    @Test func agreementMatchesTopicsOneToOne() {
        let a: [Set<String>] = [["rad", "weg"], ["kita", "platz"]]
        #expect(TopicCountSelection.agreement(a, a) == 1)
        #expect(TopicCountSelection.agreement(a, [["rad", "weg"]]) == 0.5)
        #expect(abs(TopicCountSelection.agreement(a, [["rad", "bus"], ["kita", "platz"], ["x"]]) - (1.0 / 3 + 1) / 3) < 1e-12)
        #expect(TopicCountSelection.agreement([Set<String>](), []) == 1 && TopicCountSelection.agreement(a, []) == 0)
    }

    @Test func scoringIsTheSameForOneOrTwoThreads() {
        let pairs: [[(term: Int, count: Int)]] = (0..<40).map { d in d < 20 ? [(d % 3, 1), (3, 2)] : [(4 + d % 3, 1), (7, 2)] }
        let rows = termRows(pairs)
        let documents: [StemSet] = (0..<40).map { $0 < 20 ? ["a\($0 % 3)", "rad"] : ["b\($0 % 3)", "kita"] }
        let clustering = TopicClustering(method: .kmeans)
        let prepared = clustering.prepare(rows: rows, vocabularySize: 8)
        let reference = TopicCoherence(documents: documents)
        let one = selection.score(
            prepared, keywordDocuments: documents, reference: reference, floor: 3, clustering: clustering, seed: 7, threads: 1)
        let two = selection.score(
            prepared, keywordDocuments: documents, reference: reference, floor: 3, clustering: clustering, seed: 7, threads: 2)
        #expect(one.scores == two.scores && one.runs == two.runs)
        #expect(one.scores.map(\.clusters) == [2, 3, 4])
        #expect(
            zip(one.runs, one.scores).allSatisfy {
                $0.count == $1.runs && [selection.firstSeeds, selection.seeds].contains($1.runs)
            })
        #expect(one.scores.allSatisfy { $0.coherence.isFinite && $0.stability.isFinite && $0.score.isFinite })
    }

    /// The race: each candidate's first runs are those a selection without a race makes with
    /// that many seeds; the candidates within `tolerance + margin` of the best on them go on to
    /// all seeds; at the end every candidate within `tolerance + margin` of the best has made all
    /// its runs, the others stopped after the first; each is scored on the runs it made.
    @Test func candidatesThatTrailClearlyStopAfterTheFirstRuns() {
        var random = SplitMix64(seed: 21)
        let pairs: [[(term: Int, count: Int)]] = (0..<120).map { d in
            let subject = d % 3
            return [(subject * 5 + random.index(below: 5), 1), (15 + subject, 1), (18 + random.index(below: 6), 1)]
        }
        let documents: [StemSet] = pairs.map { StemSet($0.map { "t\($0.term)" }) }
        let clustering = TopicClustering(method: .gsdmm)
        let prepared = clustering.prepare(rows: termRows(pairs), vocabularySize: 24)
        let reference = TopicCoherence(documents: documents)
        let raced = TopicCountSelection(candidates: [2, 3, 4, 6, 8, 12], averageSize: 5, seeds: 5, firstSeeds: 3, margin: 0)
        var first = raced
        first.seeds = 3
        let race = raced.score(
            prepared, keywordDocuments: documents, reference: reference, floor: 3, clustering: clustering, seed: 2, threads: 2)
        let provisional = first.score(
            prepared, keywordDocuments: documents, reference: reference, floor: 3, clustering: clustering, seed: 2, threads: 1)
        let provisionalTop = provisional.scores.map(\.score).max() ?? 0
        let top = race.scores.map(\.score).max() ?? 0
        for (index, score) in race.scores.enumerated() {
            #expect(score.runs == 3 || score.runs == 5)
            #expect(race.runs[index].count == score.runs)
            #expect(Array(race.runs[index].prefix(3)) == provisional.runs[index])
            if provisional.scores[index].score >= provisionalTop - raced.tolerance - raced.margin {
                #expect(score.runs == 5, "K = \(score.clusters) was near the best after its first runs")
            }
            if score.score >= top - raced.tolerance - raced.margin {
                #expect(score.runs == 5, "K = \(score.clusters) is near the best")
            }
        }
        #expect(race.scores.contains { $0.runs == 3 } && race.scores.contains { $0.runs == 5 })
        // Without a race (first seeds = seeds) every candidate makes every seed.
        var full = raced
        full.firstSeeds = 5
        let all = full.score(
            prepared, keywordDocuments: documents, reference: reference, floor: 3, clustering: clustering, seed: 2, threads: 2)
        #expect(all.scores.allSatisfy { $0.runs == 5 } && all.runs.allSatisfy { $0.count == 5 })
    }

    /// A selection and its scores stored before the race read back as they were made: every
    /// candidate on all five seeds.
    @Test func storedBeforeTheRaceReadsBackWithoutIt() throws {
        let selection = try JSONDecoder().decode(
            TopicCountSelection.self,
            from: Data(
                #"{"candidates":[2,4],"averageSize":10,"seeds":5,"sweeps":10,"sampleLimit":1000,"keywordsPerTopic":5,"tolerance":0.25,"confirmations":3}"#
                    .utf8))
        #expect(selection.firstSeeds == 5 && selection.margin == 0)
        let score = try JSONDecoder().decode(
            TopicCountSelection.Score.self, from: Data(#"{"clusters":4,"coherence":0.1,"stability":0.2,"score":1.5}"#.utf8))
        #expect(score.runs == 5 && score.clusters == 4)
        let current = TopicCountSelection()
        #expect(try JSONDecoder().decode(TopicCountSelection.self, from: JSONEncoder().encode(current)) == current)
    }

    /// NPMI from the joint counts counted once per distinct pair is NPMI counted pair by pair, to
    /// the last bit, for pairs in either order and pairs no document holds; counts added to known
    /// ones are the counts made at once.
    @Test func npmiFromJointCountsIsNPMICountedPairByPair() {
        var random = SplitMix64(seed: 3)
        let documents: [SortedSet<Int>] = (0..<300).map { _ in
            SortedSet((0..<random.index(below: 8)).map { _ in random.index(below: 30) })
        }
        let coherence = TopicCoherence(documents: documents)
        let lists: [[Int]] = (0..<60).map { _ in (0..<random.index(below: 6)).map { _ in random.index(below: 35) } }
        let joint = coherence.jointCounts(lists, threads: 2)
        #expect(joint == coherence.jointCounts(lists, threads: 1))
        // Counted in two parts, the second adding to the first's counts: the same counts.
        var inParts = coherence.jointCounts(Array(lists.prefix(25)), threads: 2)
        coherence.addJointCounts(Array(lists.dropFirst(25)), to: &inParts, threads: 2)
        #expect(inParts == joint)
        for terms in lists {
            #expect(coherence.npmi(terms, joint: joint).bitPattern == coherence.npmi(terms).bitPattern)
        }
    }
}
