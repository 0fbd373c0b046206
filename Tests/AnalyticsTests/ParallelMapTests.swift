import Analytics
import Testing

/// Tests ``ParallelMap``: same output for any thread count, errors come through.
struct ParallelMapTests {
    @Test("results keep index order", arguments: [1, 2, 3, 8])
    func order(_ threads: Int) {
        let result = ParallelMap.map(count: 1000, threads: threads) { range in range.map { $0 * $0 } }
        #expect(result == (0..<1000).map { $0 * $0 })
    }

    @Test("fill writes every row in place, as one thread does", arguments: [1, 2, 3, 8])
    func fill(_ threads: Int) {
        for count in [0, 1, 5, 1000] {
            var values = [Double](repeating: -1, count: count * 3)
            ParallelMap.fill(&values, count: count, width: 3, threads: threads) { range, writer in
                for row in range {
                    for column in 0..<3 { writer.set(Double(row * 10 + column), row: row, column: column) }
                }
            }
            #expect(values == (0..<count).flatMap { row in (0..<3).map { Double(row * 10 + $0) } })
        }
    }

    @Test func emptyAndTinyInputs() {
        #expect(ParallelMap.map(count: 0, threads: 4) { range in range.map { $0 } }.isEmpty)
        #expect(ParallelMap.map(count: 1, threads: 4) { range in range.map { $0 } } == [0])
    }

    /// A chunk may return fewer or more elements than its range holds (one per chunk, for
    /// per-worker state, or none): they are joined in chunk order all the same.
    @Test("chunks of any size join in order", arguments: [1, 2, 3])
    func chunksOfAnySize(_ threads: Int) {
        let starts = ParallelMap.map(count: 100, threads: threads) { range in [range.lowerBound] }
        #expect(starts.first == 0 && starts == starts.sorted() && Set(starts).count == starts.count)
        let doubled = ParallelMap.map(count: 100, threads: threads) { range in range.flatMap { [$0, $0] } }
        #expect(doubled == (0..<100).flatMap { [$0, $0] })
        let none = ParallelMap.map(count: 100, threads: threads) { range in range.lowerBound == 0 ? [] : [range.lowerBound] }
        #expect(none == Array(starts.dropFirst()))
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
