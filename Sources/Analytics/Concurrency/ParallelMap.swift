import Dispatch

/// Runs work on several threads with `DispatchQueue.concurrentPerform`, writing each chunk's
/// result into its own preallocated slot and joining the slots in index order, so the output is
/// the same for 1 thread or many.
public enum ParallelMap {
    /// Splits `0..<count` into contiguous chunks (about four per thread, for balance), runs
    /// `transform` on each chunk and returns the concatenated results in index order. Each chunk
    /// gets its own call, so `transform` can set up per-worker state (an ICU session) once.
    ///
    /// - Parameters:
    ///   - threads: 1 runs everything on the calling thread.
    ///   - chunksPerThread: chunks per thread; more balance work whose items differ much in cost
    ///     (a thread that finishes early takes the next chunk), fewer save per-chunk set-up.
    /// - Throws: the error of the first failing chunk, in index order.
    public static func map<Element: Sendable, Failure: Error>(
        count: Int, threads: Int, chunksPerThread: Int = 4,
        _ transform: @Sendable (Range<Int>) throws(Failure) -> [Element]
    ) throws(Failure) -> [Element] {
        guard count > 0 else { return [] }
        if threads <= 1 { return try transform(0..<count) }
        let chunkCount = min(count, threads * max(1, chunksPerThread))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let slots = Slots<Result<[Element], Failure>>(count: chunkCount)
        defer { slots.deallocate() }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = min(count, chunk * chunkSize)
            let upper = min(count, lower + chunkSize)
            slots.store(Result { () throws(Failure) in try transform(lower..<upper) }, at: chunk)
        }
        var result: [Element] = []
        // A chunk may return any number of elements (one per chunk, for per-worker state).
        result.reserveCapacity(
            (0..<chunkCount).reduce(0) { total, chunk in
                guard case .success(let elements) = slots.peek(at: chunk) else { return total }
                return total + elements.count
            })
        for chunk in 0..<chunkCount {
            result.append(contentsOf: try slots.take(at: chunk).get())
        }
        return result
    }
}

extension ParallelMap {
    /// Fills `values` in place: `count` rows of `width` values each, row `r` at
    /// `r * width ..< (r + 1) * width`, by `body` on contiguous chunks of rows on several threads
    /// (as ``map(count:threads:chunksPerThread:_:)`` splits them). `body` gets its rows and the
    /// writer of the array, and must write only its rows' values. For large results: ``map``
    /// joins the chunks' arrays into a new one, which holds every value twice while it joins.
    public static func fill<Value: BitwiseCopyable & Sendable>(
        _ values: inout [Value], count: Int, width: Int, threads: Int, chunksPerThread: Int = 4,
        _ body: @Sendable (Range<Int>, RowWriter<Value>) -> Void
    ) {
        precondition(values.count == count * width, "\(count) rows of \(width) need \(count * width) values")
        guard count > 0 else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            let writer = RowWriter(buffer: buffer, width: width)
            if threads <= 1 {
                body(0..<count, writer)
                return
            }
            let chunkCount = min(count, threads * max(1, chunksPerThread))
            let chunkSize = (count + chunkCount - 1) / chunkCount
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let lower = min(count, chunk * chunkSize)
                body(lower..<min(count, lower + chunkSize), writer)
            }
        }
    }

    /// Writes the values of rows into the array ``fill(_:count:width:threads:chunksPerThread:_:)``
    /// fills.
    ///
    /// `@unchecked Sendable`: the chunks write disjoint rows of one buffer, which outlives
    /// `concurrentPerform`, and nothing reads it until all chunks are done.
    public struct RowWriter<Value: BitwiseCopyable>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Value>
        let width: Int

        /// Sets the value of `row` in `column`.
        public func set(_ value: Value, row: Int, column: Int) {
            precondition(column >= 0 && column < width, "column \(column) outside the row's \(width)")
            buffer[row * width + column] = value
        }
    }
}

/// Preallocated result slots, one per chunk.
///
/// `@unchecked Sendable`: every slot is written by exactly one `concurrentPerform` iteration and
/// read only after `concurrentPerform` has returned, which orders all writes before the reads.
/// The slots live in raw memory so that concurrent writes to different slots are no overlapping
/// accesses to one Swift array.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func store(_ value: Value, at index: Int) { storage[index] = value }

    /// The value in its slot, left there.
    func peek(at index: Int) -> Value? { storage[index] }

    /// Moves the value out of its slot, so that a chunk's results go as soon as they are joined
    /// (the joined array and every chunk's would otherwise be held at once).
    func take(at index: Int) -> Value {
        guard let value = storage[index].take() else { preconditionFailure("slot \(index) was never written") }
        return value
    }

    func deallocate() {
        storage.deinitialize()
        storage.deallocate()
    }
}
