import Analytics
import Corpus
import Testing
import _TestSupport

/// Tests the decisions of ``MeasureAssigner`` on a small consultation where the right answer is
/// plain: two goals (mobility, childcare), three measures.
struct MeasureAssignerTests {
    static let measures = [
        Measure(
            id: "verkehr.rad", goalID: "verkehr", title: "Radwege ausbauen",
            description: "Sichere Radwege, Fahrradstraßen und Abstellanlagen für Fahrräder.", keywords: ["Fahrrad", "Radweg"]),
        Measure(
            id: "verkehr.bus", goalID: "verkehr", title: "Busverkehr stärken",
            description: "Mehr Busse im dichteren Takt und barrierefreie Haltestellen.", keywords: ["Bus", "Haltestelle", "Takt"]),
        Measure(
            id: "familie.kita", goalID: "familie", title: "Kitaplätze schaffen",
            description: "Neue Kitas und mehr Erzieherinnen in allen Stadtteilen.", keywords: ["Kita", "Kinderbetreuung"]),
    ]
    /// (text, posted goal)
    static let comments: [(String, String?)] = [
        ("Wir brauchen sichere Radwege und eine Fahrradstraße am Markt.", "verkehr"),  // 0 obvious: rad
        ("Der Bus kommt zu selten, die Haltestellen sind dunkel. Mehr Busse im Takt!", "verkehr"),  // 1 obvious: bus
        ("Sichere Radwege und eine Fahrradstraße, dazu mehr Busse und barrierefreie Haltestellen.", "verkehr"),  // 2 two fit
        ("Das Wetter war heute schön und der Kuchen lecker.", "verkehr"),  // 3 nothing fits
        ("Die Kita in Lobeda hat keine Plätze, wir brauchen mehr Kitas und Erzieherinnen.", "verkehr"),  // 4 wrong goal
        ("Radwege sind zu schmal, Fahrräder stehen überall, Abstellanlagen fehlen.", nil),  // 5 no goal: rad
        ("Kinderbetreuung fehlt: neue Kitas und Kitaplätze bitte.", "familie"),  // 6 obvious: kita
        ("Bus und Takt verbessern, Haltestellen barrierefrei machen.", "verkehr"),  // 7 bus
        ("Eine Fahrradstraße und ein Radweg entlang der Saale.", "verkehr"),  // 8 rad
        ("Mehr Erzieherinnen für die Kitas im Stadtteil.", "familie"),  // 9 kita
        ("Fahrräder brauchen Abstellanlagen am Bahnhof.", "verkehr"),  // 10 rad
        ("Die Haltestelle vor der Schule braucht ein Dach, der Bus fährt im Takt von 20 Minuten.", "verkehr"),  // 11 bus
        ("Radwege ohne Schlaglöcher, sichere Radwege zur Arbeit.", "verkehr"),  // 12 rad
        ("Busse öfter fahren lassen, Takt verdichten.", "verkehr"),  // 13 bus
    ]

    static func run(
        reviews: [Int: ReviewedLabels] = [:], threads: Int = 1, model: ConfidenceModel = Fixtures.confidenceModel
    ) throws -> AssignmentRun {
        let measureTexts = measures.flatMap { [$0.title, $0.description, $0.keywords.joined(separator: "\n")] }
        let (vocabulary, numbered) = AnalyzerHelpers.numbered(comments.map(\.0) + measureTexts)
        let bags = Array(numbered.prefix(comments.count))
        let queries = measures.indices.map { offset in
            let base = comments.count + 3 * offset
            return MeasureQuery(
                measure: measures[offset], title: numbered[base], description: numbered[base + 1], keywords: numbered[base + 2])
        }
        return try MeasureAssigner(confidenceModel: model).assess(
            bags: bags, vocabulary: vocabulary, goals: comments.map(\.1), queries: queries, reviews: reviews,
            threads: threads)
    }

    func measures(_ assessment: CommentAssessment) -> [String] { assessment.assignments.map(\.measureID) }

    /// Settings a user gives are checked with an error, not a crash.
    @Test func settingsNoAssignmentCanRunWithAreAnError() {
        var settings = MeasureAssigner.Settings()
        settings.assignAt = 0.3
        settings.reviewFloor = 0.5
        #expect(throws: AnalyticsError.self) {
            try MeasureAssigner(settings: settings, confidenceModel: Fixtures.confidenceModel)
        }
        var model = Fixtures.confidenceModel
        model.features = ["bm25"]
        #expect(throws: AnalyticsError.self) { try MeasureAssigner(confidenceModel: model) }
    }

    @Test func obviousCommentsGoToTheirMeasure() throws {
        let results = try Self.run().assessments
        for (index, expected) in [(0, "verkehr.rad"), (1, "verkehr.bus"), (6, "familie.kita"), (8, "verkehr.rad")] {
            #expect(results[index].status == .assigned, "comment \(index)")
            #expect(measures(results[index]).first == expected, "comment \(index)")
        }
    }

    @Test func aCommentOnTwoMeasuresGetsBoth() throws {
        // The multi-label rule itself: every measure at or above the threshold is assigned. The
        // model here trusts the BM25 favourite (σ(−3 + 5)) and a runner-up by its score relative
        // to the favourite (σ(−3 + 5·r)), so both measures this comment names clearly pass.
        var weights = PairFeatures.names.map { _ in 0.0 }
        weights[PairFeatures.names.firstIndex(of: "bias")!] = -3
        weights[PairFeatures.names.firstIndex(of: "bm25_first")!] = 5
        weights[PairFeatures.names.firstIndex(of: "relative_score")!] = 5
        let model = ConfidenceModel(weights: weights, fittedOn: ["test"], pairs: 0)
        let result = try Self.run(model: model).assessments[2]
        #expect(result.status == .assigned)
        #expect(Set(measures(result)) == ["verkehr.rad", "verkehr.bus"], "\(result)")
        #expect(try Self.run(model: model).assessments[3].status == .unassigned)
    }

    @Test func aCommentThatFitsNothingIsUnassigned() throws {
        let result = try Self.run().assessments[3]
        #expect(result.status == .unassigned)
        #expect(result.assignments.isEmpty)
        #expect(result.bestConfidence < MeasureAssigner.Settings().reviewFloor)
    }

    /// A comment counts under the goal it was posted under: comparing it with every goal's measures
    /// made held-out corpora worse (docs/assignment.md, routing).
    @Test func aCommentPostedUnderAGoalIsComparedWithThatGoalsMeasuresOnly() throws {
        let result = try Self.run().assessments[4]
        #expect(!measures(result).contains("familie.kita"), "\(result)")
        #expect(result.assignments.allSatisfy { $0.goalID == "verkehr" })
    }

    @Test func aCommentWithoutGoalIsComparedWithEveryMeasure() throws {
        #expect(measures(try Self.run().assessments[5]).first == "verkehr.rad")
    }

    @Test func assignmentsAreOrderedCalibratedAndExplained() throws {
        for result in try Self.run().assessments {
            let confidences = result.assignments.map(\.confidence)
            #expect(confidences == confidences.sorted(by: >))
            #expect(confidences.allSatisfy { (0...1).contains($0) })
            for assignment in result.assignments {
                #expect(!assignment.evidence.isEmpty)
            }
        }
        let evidence = try Self.run().assessments[0].assignments[0].evidence
        #expect(evidence.contains { $0.term == "Radwege" && $0.measureTerm == "Radwege" && $0.origin == .measure })
    }

    @Test func reviewedDecisionsArePinned() throws {
        // The reviewer says comment 1 is about cycling, not buses, and that comment 3 is about buses.
        let reviews = [
            1: ReviewedLabels(accepted: ["verkehr.rad"], rejected: ["verkehr.bus"]),
            3: ReviewedLabels(accepted: ["verkehr.bus"]),
        ]
        let results = try Self.run(reviews: reviews).assessments
        #expect(results[1].status == .assigned)
        #expect(measures(results[1]) == ["verkehr.rad"])
        #expect(results[1].assignments[0].confidence == 1 && results[1].assignments[0].source == .review)
        #expect(measures(results[3]) == ["verkehr.bus"])
        // "Fits no measure" rules out every measure, but a measure accepted on the same comment stays.
        let none = try Self.run(reviews: [0: ReviewedLabels(rejected: [ReviewDecision.everyMeasure])]).assessments[0]
        #expect(none.status == .unassigned && none.assignments.isEmpty)
        let kept = try Self.run(reviews: [0: ReviewedLabels(accepted: ["verkehr.bus"], rejected: [ReviewDecision.everyMeasure])])
        #expect(measures(kept.assessments[0]) == ["verkehr.bus"])
    }

    /// Counts per measure: comments assigned to it.
    func counts(_ run: AssignmentRun) -> [String: Int] {
        var result: [String: Int] = [:]
        for assessment in run.assessments where assessment.status == .assigned {
            for measure in Set(measures(assessment)) { result[measure, default: 0] += 1 }
        }
        return result
    }

    /// A planner rejected a comment for a broad measure and its count rose on the next run (a refit
    /// of all weights had moved every confidence): a rejection may only lower its measure's count,
    /// an accept may only raise its own.
    @Test func reviewsMoveOnlyTheirOwnMeasuresCountInTheirDirection() throws {
        let before = try counts(Self.run())
        let assessments = try Self.run().assessments
        for (row, assessment) in assessments.enumerated() where assessment.status == .assigned {
            for measure in measures(assessment) {
                let rejected = try counts(Self.run(reviews: [row: ReviewedLabels(rejected: [measure])]))
                #expect((rejected[measure] ?? 0) < (before[measure] ?? 0), "rejecting \(measure) for \(row)")
                for other in Self.measures.map(\.id) where other != measure {
                    #expect((rejected[other] ?? 0) <= (before[other] ?? 0) + 0, "rejecting \(measure) raised \(other)")
                }
            }
        }
        for row in assessments.indices {
            for measure in Self.measures.map(\.id) {
                let accepted = try counts(Self.run(reviews: [row: ReviewedLabels(accepted: [measure])]))
                for other in Self.measures.map(\.id) where other != measure {
                    #expect((accepted[other] ?? 0) <= (before[other] ?? 0), "accepting \(measure) for \(row) raised \(other)")
                }
            }
        }
    }

    @Test func theLatestDecisionOnAPairCounts() throws {
        let source = SourceLocation(file: "review.csv", line: 2)
        let decisions = [
            ReviewDecision(commentID: "a", measureID: "m1", decision: .accept, reviewer: nil, date: nil, source: source),
            ReviewDecision(commentID: "a", measureID: "m1", decision: .reject, reviewer: nil, date: nil, source: source),
            ReviewDecision(commentID: "a", measureID: "m2", decision: .assign, reviewer: nil, date: nil, source: source),
        ]
        #expect(ReviewedLabels.resolve(decisions) == ["a": ReviewedLabels(accepted: ["m2"], rejected: ["m1"])])
    }

    @Test func oneOrTwoThreadsGiveTheSameResult() throws {
        let reviews = [1: ReviewedLabels(accepted: ["verkehr.rad"], rejected: ["verkehr.bus"])]
        for reviewed in [[:], reviews] {
            let serial = try Self.run(reviews: reviewed, threads: 1)
            let parallel = try Self.run(reviews: reviewed, threads: 2)
            #expect(serial.assessments == parallel.assessments)
            #expect(serial.features == parallel.features)
            #expect(serial.confidenceModel == parallel.confidenceModel)
            #expect(serial.reviewOffsets == parallel.reviewOffsets)
        }
    }
}
