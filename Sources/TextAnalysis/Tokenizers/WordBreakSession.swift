import CICUShim

/// An ICU word-break iterator owned by one worker and reused for every text it segments.
///
/// Opening an ICU break iterator costs far more than segmenting a short comment, so a parallel
/// run opens one session per worker. A session is not `Sendable`: never share one between threads.
public final class WordBreakSession {
    private let breaker: OpaquePointer
    private var ends: [Int32] = []
    private var statuses: [Int32] = []

    /// Opens a session for ICU's word-break rules of `locale`.
    public init(locale: String = "de") throws(TextAnalysisError) {
        var error: Int32 = 0
        guard let breaker = rz_word_breaker_open(locale, &error) else {
            throw .icuFailure(operation: "ubrk_open(\(locale))", code: error)
        }
        self.breaker = breaker
    }

    deinit {
        rz_word_breaker_close(breaker)
    }

    /// ICU's word segments of UTF-8 text: consecutive byte ranges covering all of `bytes`, each
    /// with the rule status of the boundary that ends it.
    func segments(of bytes: UnsafeBufferPointer<UInt8>) throws(TextAnalysisError) -> [WordSegment] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        guard bytes.count < Int(Int32.max) else {
            throw .textTooLong(bytes: bytes.count)
        }
        let capacity = bytes.count + 1
        if ends.count < capacity {
            ends = [Int32](repeating: 0, count: capacity)
            statuses = [Int32](repeating: 0, count: capacity)
        }
        var error: Int32 = 0
        let count = ends.withUnsafeMutableBufferPointer { endsBuffer in
            statuses.withUnsafeMutableBufferPointer { statusBuffer in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    rz_word_breaker_segment(
                        breaker, text, Int32(bytes.count), endsBuffer.baseAddress!,
                        statusBuffer.baseAddress!, Int32(capacity), &error)
                }
            }
        }
        guard count >= 0 else {
            throw .icuFailure(operation: "ubrk_next", code: error)
        }
        var result: [WordSegment] = []
        result.reserveCapacity(Int(count))
        var start = 0
        for index in 0..<Int(count) {
            let end = Int(ends[index])
            result.append(WordSegment(start: start, end: end, ruleStatus: Int(statuses[index])))
            start = end
        }
        return result
    }
}

/// One segment between two ICU word boundaries.
struct WordSegment: Equatable {
    var start: Int
    var end: Int
    /// ICU's rule status: 0–99 none (spaces, punctuation, symbols, emoji), 100–199 number,
    /// 200–299 letters, 300–399 kana, 400–499 ideographs.
    var ruleStatus: Int
}

extension WordBreakSession {
    /// The number of ICU word segments of `text`, and nothing else: the raw cost of the break
    /// iterator, which the benchmark (`resonanz bench`) sets the analyzer's speed against.
    public func segmentCount(of text: String) throws(TextAnalysisError) -> Int {
        var text = text
        let result = text.withUTF8 { bytes -> Result<Int, TextAnalysisError> in
            Result { () throws(TextAnalysisError) in try segments(of: bytes).count }
        }
        return try result.get()
    }
}
