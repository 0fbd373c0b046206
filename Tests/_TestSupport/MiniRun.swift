import Analytics
import Corpus

/// A small finished analysis: the mini fixture run through the whole pipeline.
public enum MiniRun {
    /// The mini fixture's comments, as read.
    public static func comments() throws -> [Comment] {
        try read().ingest.comments
    }

    public static func result() throws -> RunResult {
        let (framework, ingest) = try read()
        let manifest = RunManifest(
            id: "0123456789abcdef", startedAt: "2026-11-26T00:00:00Z", frameworkID: framework.id, frameworkSHA256: "",
            inputSHA256: "", inputFiles: [], seed: 0, threads: 1, programVersion: "test", icuVersion: "72.1")
        return try AnalysisPipeline.run(
            framework: framework, comments: ingest.comments, intake: Intake(ingest), resources: Fixtures.resources,
            manifest: manifest, configuration: PipelineConfiguration(), confidenceModel: Fixtures.confidenceModel)
    }

    static func read() throws -> (framework: Framework, ingest: IngestResult) {
        let framework = try FrameworkLoader.load(Fixtures.url("mini/framework.yaml"))
        return (framework, try CommentReader.read([Fixtures.url("mini/comments.csv")], goalIDs: Set(framework.goals.map(\.id))))
    }
}
