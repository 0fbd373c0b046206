import Analytics
import Corpus
import Testing
import _TestSupport

/// Tests the status rules of ``MeasureAssigner`` on a small corpus.
struct MeasureAssignerTests {
    let measures = [
        Measure(id: "g.rad", goalID: "g", title: "Radwege ausbauen", description: "Sichere Radwege und Fahrradstraßen", keywords: ["Fahrrad"]),
        Measure(id: "g.bus", goalID: "g", title: "Busverkehr stärken", description: "Mehr Busse und bessere Haltestellen", keywords: ["Bus"]),
        Measure(id: "h.kita", goalID: "h", title: "Kitaplätze schaffen", description: "Neue Kitas in allen Stadtteilen", keywords: ["Kita"]),
    ]
    let comments = [
        "Wir brauchen sichere Radwege und eine Fahrradstraße am Markt.",
        "Der Bus kommt zu selten, die Haltestellen sind dunkel. Mehr Busse!",
        "Sichere Radwege, aber auch mehr Busse und bessere Haltestellen.",
        "Das Wetter war heute schön.",
        "Ich fahre Fahrrad.",
        "Kitas fehlen in Lobeda.",
    ]

    func assess(goal: String?) -> [CommentAssessment] {
        let bags = comments.map { TermBag(tokens: AnalyzerHelpers.analyze($0)) }
        let queries = measures.map { measure in
            MeasureQuery(
                measure: measure, title: TermBag(tokens: AnalyzerHelpers.analyze(measure.title)),
                description: TermBag(tokens: AnalyzerHelpers.analyze(measure.description)),
                keywords: TermBag(tokens: AnalyzerHelpers.analyze(measure.keywords.joined(separator: "\n"))))
        }
        let assigner = MeasureAssigner(index: BM25Index(documents: bags), queries: queries, threshold: 1.0, relativeCutoff: 0.6)
        return bags.map { assigner.assess($0, goal: goal) }
    }

    @Test func statuses() {
        let results = assess(goal: "g")
        #expect(results[0].status == .assigned)
        #expect(results[0].assignments.first?.measureID == "g.rad")
        #expect(results[1].assignments.first?.measureID == "g.bus")
        #expect(Set(results[2].assignments.map(\.measureID)) == ["g.rad", "g.bus"])
        #expect(results[3].status == .unassigned)
        #expect(results[3].assignments.isEmpty)
        #expect(results[4].status == .uncertain)
    }

    @Test func goalRestrictsTheCandidates() {
        #expect(assess(goal: "g")[5].status == .unassigned)
        #expect(assess(goal: nil)[5].assignments.first?.measureID == "h.kita")
    }

    @Test func assignmentsAreOrderedAndExplained() {
        for result in assess(goal: nil) {
            let scores = result.assignments.map(\.score)
            #expect(scores == scores.sorted(by: >))
            for assignment in result.assignments {
                #expect((0...1).contains(assignment.confidence))
                #expect(!assignment.evidence.isEmpty)
            }
        }
        let evidence = assess(goal: "g")[0].assignments[0].evidence.map(\.term)
        #expect(evidence.contains("Radwege"))
    }
}
