import Analytics
import Corpus
import Foundation
import TextAnalysis
import Workflows

/// The harness behind `resonanz bench` (and `make bench`): the analyzer's stages, one at a
/// time, on the comments of one file, at each thread count asked for.
///
/// Stages:
/// - `read`: ``CommentReader`` on the file (parsing, validation), on one thread;
/// - `icu-breaks`: ICU's word-break iterator alone over every text, one session per worker:
///   the ceiling for any analyzer built on it;
/// - `tokenize`: ``ICUWordTokenizer`` (addresses, ICU, the German joins), one session per worker;
/// - `analyze`: ``CorpusAnalyzer/analyze(_:chunk:)``: the whole German chain, with its corpus
///   vocabulary, as a run analyses (every text normalised twice, no tokens kept);
/// - `features`: ``CorpusFeatures``: `analyze` plus what a run keeps of each comment (term bags,
///   keyword stems, phrase candidates, spellings).
///
/// Method: every stage runs `repetitions` times after one warm-up run; the median wall time
/// counts (`DispatchTime`, monotonic). Throughput is the texts' UTF-8 bytes (MB = 10⁶ bytes)
/// and their number per second. `peak_rss_mb` is the process's peak resident memory after the
/// stage (`getrusage`), so it only ever grows from stage to stage; whole runs are measured
/// from outside (`scripts/bench.py`, `make bench`).
public enum StageBenchmark {
    public struct Measurement: Sendable, Equatable {
        public var stage: String
        public var threads: Int
        public var seconds: Double
        public var bytes: Int
        public var comments: Int
        public var peakResidentBytes: Int

        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
        public var commentsPerSecond: Double { Double(comments) / seconds }
    }

    /// Measures the stages on `file` (any format `resonanz run` reads); one JSON object per
    /// line and measurement.
    public static func run(
        file: String, options: CommentReadOptions, threads: [Int], repetitions: Int, resources: String?
    ) throws(ResonanzError) -> String {
        let measurements = try measure(
            file: file, options: options, threads: threads, repetitions: repetitions, resources: resources)
        return measurements.map { item in
            let fields: [(String, String)] = [
                ("stage", "\"\(item.stage)\""), ("threads", "\(item.threads)"),
                ("seconds", format(item.seconds, 6)), ("comments", "\(item.comments)"), ("bytes", "\(item.bytes)"),
                ("mb_per_s", format(item.megabytesPerSecond, 2)),
                ("comments_per_s", format(item.commentsPerSecond, 0)),
                ("peak_rss_mb", format(Double(item.peakResidentBytes) / 1e6, 1)),
            ]
            return "{" + fields.map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}\n"
        }.joined()
    }

    public static func measure(
        file: String, options: CommentReadOptions, threads: [Int], repetitions: Int, resources: String?
    ) throws(ResonanzError) -> [Measurement] {
        let url = URL(fileURLWithPath: file)
        var ingest = IngestResult()
        let readTime = try timed(repetitions: repetitions) { () throws(ResonanzError) in
            do throws(CorpusError) {
                ingest = try CommentReader.read([url], goalIDs: [], options: options)
            } catch {
                throw ResonanzError(error)
            }
        }
        let texts = ingest.comments.map(\.text)
        guard !texts.isEmpty else { throw .badInput("\(file): no comment to measure") }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var result = [
            Measurement(
                stage: "read", threads: 1, seconds: readTime, bytes: bytes, comments: texts.count,
                peakResidentBytes: peakResidentBytes())
        ]
        let loaded = try ResourceLocator.loadResources(explicit: resources)
        let tokenizer = ICUWordTokenizer()
        for count in threads {
            let stages: [(String, @Sendable () throws(TextAnalysisError) -> Void)] = [
                (
                    "icu-breaks",
                    { () throws(TextAnalysisError) in
                        _ = try ParallelMap.map(count: texts.count, threads: count) {
                            (range: Range<Int>) throws(TextAnalysisError) -> [Int] in
                            let session = try WordBreakSession()
                            var segments = 0
                            for index in range { segments += try session.segmentCount(of: texts[index]) }
                            return [segments]
                        }
                    }
                ),
                (
                    "tokenize",
                    { () throws(TextAnalysisError) in
                        _ = try ParallelMap.map(count: texts.count, threads: count) {
                            (range: Range<Int>) throws(TextAnalysisError) -> [Int] in
                            let session = try WordBreakSession()
                            var tokens = 0
                            for index in range { tokens += try tokenizer.tokenize(texts[index], session: session).count }
                            return [tokens]
                        }
                    }
                ),
                (
                    "analyze",
                    { () throws(TextAnalysisError) in
                        _ = try CorpusAnalyzer(resources: loaded, threads: count).analyze(texts) {
                            (
                                range: Range<Int>, tokens: (Int) throws(TextAnalysisError) -> [Token]
                            ) throws(TextAnalysisError) -> Int in
                            var count = 0
                            for index in range { count += try tokens(index).count }
                            return count
                        }
                    }
                ),
                (
                    "features",
                    { () throws(TextAnalysisError) in
                        _ = try CorpusFeatures(
                            texts: texts, comments: texts.count, analyzer: CorpusAnalyzer(resources: loaded, threads: count))
                    }
                ),
            ]
            for (stage, work) in stages {
                let seconds = try timed(repetitions: repetitions) { () throws(ResonanzError) in
                    do throws(TextAnalysisError) {
                        try work()
                    } catch {
                        throw ResonanzError(error)
                    }
                }
                result.append(
                    Measurement(
                        stage: stage, threads: count, seconds: seconds, bytes: bytes, comments: texts.count,
                        peakResidentBytes: peakResidentBytes()))
            }
        }
        return result
    }

    /// The median wall time of `repetitions` runs after one warm-up run.
    private static func timed(repetitions: Int, _ work: () throws(ResonanzError) -> Void) throws(ResonanzError) -> Double {
        try work()
        var times: [Double] = []
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }

    private static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    }

    private static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
