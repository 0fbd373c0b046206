/// Whether two labellings split the items the same way, whatever the labels are called: each
/// label of one side always meets the same label of the other, both ways.
public func samePartition<Gold: Hashable, Found: Hashable>(_ gold: [Gold], _ found: [Found]) -> Bool {
    guard gold.count == found.count else { return false }
    var forward: [Gold: Found] = [:]
    var backward: [Found: Gold] = [:]
    for (g, f) in zip(gold, found) {
        if forward[g, default: f] != f || backward[f, default: g] != g { return false }
        forward[g] = f
        backward[f] = g
    }
    return true
}
