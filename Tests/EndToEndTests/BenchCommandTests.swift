import Foundation
import Testing
import _TestSupport

/// `resonanz bench`: one JSON line per stage and thread count, counting what it read. Times are
/// printed, never asserted.
struct BenchCommandTests {
    @Test func measuresEveryStageAtEveryThreadCount() throws {
        let result = try CommandLineRunner.run([
            "bench", "Tests/Fixtures/mini/comments.csv", "--threads", "1,2", "--repetitions", "1",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try result.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let measured = lines.map { "\($0["stage"] ?? "")@\($0["threads"] ?? "")" }
        #expect(
            measured == [
                "read@1", "icu-breaks@1", "tokenize@1", "analyze@1", "features@1", "icu-breaks@2", "tokenize@2", "analyze@2",
                "features@2",
            ])
        let counted = Set(lines.compactMap { $0["comments"] as? Int })
        #expect(counted.count == 1 && (counted.first ?? 0) > 0)
        for line in lines {
            for key in ["seconds", "bytes", "mb_per_s", "comments_per_s", "peak_rss_mb"] { #expect(line[key] != nil, "\(key)") }
        }
    }

    @Test func badThreadCountsAreUsageErrors() throws {
        let result = try CommandLineRunner.run(["bench", "Tests/Fixtures/mini/comments.csv", "--threads", "0"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--threads"))
    }
}
