import Corpus
import Testing
import TextAnalysis
import _TestSupport

@testable import Analytics

/// Tests ``AnalysisPipeline`` on the shipped Jena corpus: the parallel run equals the serial one.
struct AnalysisPipelineTests {
    static func run(threads: Int, sampleLimit: Int? = nil) throws -> RunResult {
        let framework = try FrameworkLoader.load(Fixtures.repositoryFile("corpora/jena-hf4/framework.yaml"))
        let ingest = try CommentReader.read(
            [Fixtures.repositoryFile("corpora/jena-hf4/comments.csv")], goalIDs: Set(framework.goals.map(\.id)))
        let manifest = RunManifest(
            id: "test", startedAt: "", frameworkID: framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: 0, threads: threads, programVersion: "test", icuVersion: ICUInfo.version)
        var configuration = PipelineConfiguration(threads: threads)
        if let sampleLimit { configuration.topics.selection.sampleLimit = sampleLimit }
        return try AnalysisPipeline.run(
            framework: framework, comments: ingest.comments, intake: Intake(ingest), resources: Fixtures.resources,
            manifest: manifest,
            configuration: configuration, confidenceModel: Fixtures.confidenceModel)
    }

    /// The consultation's first and last comment by instant: an offset or a date without a time
    /// orders differently from the text, and equal instants go by text.
    @Test func dateSpanOrdersByInstant() {
        let dates = [
            "2026-03-01T09:30:00Z", "2026-03-01T10:00:00+02:00", "2026-02-28", "2026-03-01T08:00:00Z",
            "2026-03-01T10:30:00+01:00",
        ]
        let span = AnalysisPipeline.dateSpan(dates)
        #expect(span.first == "2026-02-28")
        // 10:30+01:00 and 09:30Z are one instant, the latest: the larger text is last.
        #expect(span.last == "2026-03-01T10:30:00+01:00")
        #expect(AnalysisPipeline.dateSpan([]).first == nil)
        let sorted = dates.sorted { lhs, rhs in
            let (left, right) = (ISODate.sortKey(lhs) ?? 0, ISODate.sortKey(rhs) ?? 0)
            return left != right ? left < right : lhs < rhs
        }
        #expect(span.first == sorted.first && span.last == sorted.last)
    }

    @Test func parallelRunEqualsSerialRun() throws {
        let serial = try Self.run(threads: 1)
        let parallel = try Self.run(threads: 2)
        #expect(serial.comments == parallel.comments)
        #expect(serial.goals == parallel.goals)
        #expect(serial.topics == parallel.topics)
    }

    /// Scopes larger than the topic sample choose K on the sample and extend its run to all
    /// comments; with a sample of 60 every scope of Jena's does.
    @Test func largeScopesGiveTheSameTopicsOnAnyThreadCount() throws {
        let serial = try Self.run(threads: 1, sampleLimit: 60)
        let parallel = try Self.run(threads: 2, sampleLimit: 60)
        #expect(serial.topics == parallel.topics)
        #expect(serial.comments == parallel.comments)
        #expect(!serial.topics.isEmpty)
    }

    @Test func everyCommentIsAccountedForAndCountsAddUp() throws {
        let result = try Self.run(threads: 2)
        #expect(result.rowsRead == result.commentsAccepted + result.commentsRejected)
        for goal in result.goals {
            #expect(goal.assignedCount + goal.uncertainCount + goal.unassignedCount == goal.commentCount)
            #expect(goal.measures.allSatisfy { $0.representativeComments.count <= 3 })
        }
        for comment in result.comments {
            #expect((comment.status == .unassigned) == comment.assignments.isEmpty)
        }
    }

    @Test func keywordsAreCleanWords() throws {
        let result = try Self.run(threads: 2)
        let keywords = result.goals.flatMap { $0.keywords + $0.measures.flatMap(\.keywords) }
        #expect(!keywords.isEmpty)
        for keyword in keywords {
            #expect(keyword.display.count >= 2)
            #expect(!keyword.display.contains { $0.isNumber })
            #expect(!Fixtures.resources.stopwords.contains(keyword.display.lowercased()))
            #expect(keyword.display != keyword.stem || keyword.display.first?.isUppercase == true)
        }
    }
}
