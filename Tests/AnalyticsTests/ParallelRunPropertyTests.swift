import Analytics
import Corpus
import Foundation
import PropertyBased
import Testing
import TextAnalysis
import _TestSupport

/// The analysis of generated corpora gives the same result on 1 and on 2 threads: every comment's
/// tokens, assignment and topic, every goal's figures and every topic. The corpora mix German
/// consultation words with hostile text (``HostileText``); with a topic sample of 12 comments,
/// larger goals also take the path that extends the sample's topics.
struct ParallelRunPropertyTests {
    static let framework: Framework? = try? FrameworkLoader.load(Fixtures.repositoryFile("Tests/Fixtures/mini/framework.yaml"))

    static func run(_ comments: [Corpus.Comment], threads: Int) throws -> RunResult {
        let framework = try #require(Self.framework)
        let manifest = RunManifest(
            id: "property", startedAt: "", frameworkID: framework.id, frameworkSHA256: "", inputSHA256: "", inputFiles: [],
            seed: 7, threads: threads, programVersion: "test", icuVersion: ICUInfo.version)
        var configuration = PipelineConfiguration(threads: threads)
        configuration.topics.selection.sampleLimit = 12
        let intake = Intake(rowsRead: comments.count, rejected: [], warnings: [])
        return try AnalysisPipeline.run(
            framework: framework, comments: comments, intake: intake, resources: Fixtures.resources, manifest: manifest,
            configuration: configuration, confidenceModel: Fixtures.confidenceModel)
    }

    @Test func oneAndTwoThreadsGiveTheSameResult() async throws {
        let goals = ["mobil", "bildung", nil]
        let corpus = zip(HostileText.comment(), Gen<String??>.element(of: goals).map { $0 ?? nil }).array(of: 1...80)
        await propertyCheck(count: 25, input: corpus) { rows in
            let comments = rows.enumerated().map { index, row in
                Corpus.Comment(
                    id: "c\(index)", text: row.0, goal: row.1, createdAt: nil, author: nil, parentID: nil, labels: [],
                    labelsGiven: false, metadata: [:], source: SourceLocation(file: "generated", line: index + 2),
                    idWasDerived: false)
            }
            let serial = try Self.run(comments, threads: 1)
            let parallel = try Self.run(comments, threads: 2)
            #expect(serial.comments == parallel.comments)
            #expect(serial.goals == parallel.goals)
            #expect(serial.topics == parallel.topics)
        }
    }
}
