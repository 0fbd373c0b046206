/// A dense matrix of doubles: one row per comment, one column per measure.
public struct ScoreMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public private(set) var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The empty matrix.
    public init() { self.init(rows: 0, columns: 0, values: []) }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The column with the largest value among `columns` (the first on ties), nil when empty.
    public func best(row: Int, among candidates: some Sequence<Int>) -> Int? {
        var best: Int?
        for column in candidates where best == nil || self[row, column] > self[row, best ?? column] {
            best = column
        }
        return best
    }
}
