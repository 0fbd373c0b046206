extension Array where Element: Comparable {
    /// The first index at or after `start` whose element is not below `value`, in an array sorted
    /// ascending (a binary search); `count` when there is none.
    func lowerBound(of value: Element, from start: Int = 0) -> Int {
        var low = start
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of `value` in an array sorted ascending, nil when it is not there.
    func sortedIndex(of value: Element) -> Int? {
        let index = lowerBound(of: value)
        return index < count && self[index] == value ? index : nil
    }
}
