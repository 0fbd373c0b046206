/// Agreement between two raters beyond chance (Cohen 1960): `κ = (p_o − p_e) / (1 − p_e)`, with
/// `p_o` the share of items they label alike and `p_e = Σ_k p_A(k) · p_B(k)` the agreement their
/// label frequencies give by chance. 1 is perfect agreement, 0 chance level; when `p_e = 1`
/// (both always give one same label) κ is 1 if they agree everywhere, else 0.
public enum CohenKappa {
    public static func kappa<Label: Hashable>(_ first: [Label], _ second: [Label]) -> Double {
        precondition(first.count == second.count, "both raters must label the same items")
        guard !first.isEmpty else { return 0 }
        let total = Double(first.count)
        let observed = Double(zip(first, second).filter { $0 == $1 }.count) / total
        var countsFirst: [Label: Int] = [:]
        var countsSecond: [Label: Int] = [:]
        for label in first { countsFirst[label, default: 0] += 1 }
        for label in second { countsSecond[label, default: 0] += 1 }
        // Integer products, so the sum does not depend on the dictionary's order.
        var products = 0
        for (label, count) in countsFirst { products += count * (countsSecond[label] ?? 0) }
        let expected = Double(products) / (total * total)
        guard expected < 1 else { return observed == 1 ? 1 : 0 }
        return (observed - expected) / (1 - expected)
    }
}
