import Analytics
import Testing

/// Tests ``ParallelMap``: same output for any thread count, errors come through.
struct ParallelMapTests {
    @Test("results keep index order", arguments: [1, 2, 3, 8])
    func order(_ threads: Int) {
        let result = ParallelMap.map(count: 1000, threads: threads) { range in range.map { $0 * $0 } }
        #expect(result == (0..<1000).map { $0 * $0 })
    }

    @Test func emptyAndTinyInputs() {
        #expect(ParallelMap.map(count: 0, threads: 4) { range in range.map { $0 } }.isEmpty)
        #expect(ParallelMap.map(count: 1, threads: 4) { range in range.map { $0 } } == [0])
    }

    struct Failure: Error, Equatable { let chunkStart: Int }

    @Test func firstFailingChunkIsThrown() {
        #expect(throws: Failure(chunkStart: 0)) {
            try ParallelMap.map(count: 100, threads: 2) { (range: Range<Int>) throws(Failure) -> [Int] in
                throw Failure(chunkStart: range.lowerBound)
            }
        }
    }
}
