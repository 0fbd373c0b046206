import Corpus
import TextAnalysis

/// A measure as a weighted BM25 query built from its own texts.
///
/// Rule: `w_q(t) = 1.0·[t in title] + 1.0·[t in keywords] + 0.5·[t in description]`, over the
/// stems and compound-part stems (``TermBag``) of each field analysed like the comments, so a
/// title word that the description repeats weighs 1.5.
public struct MeasureQuery: Sendable {
    public static let titleWeight = 1.0
    public static let keywordWeight = 1.0
    public static let descriptionWeight = 0.5

    public let measureID: String
    public let goalID: String
    /// Weight per stem.
    public private(set) var weights: [String: Double] {
        didSet { sortedWeights = Self.sorted(weights) }
    }
    /// The same weights sorted by stem, the order BM25 adds them in.
    public private(set) var sortedWeights: [(term: String, weight: Double)] = []
    /// How the measure's own text spells each stem, for evidence.
    public let display: [String: String]

    public init(measure: Measure, title: TermBag, description: TermBag, keywords: TermBag) {
        var weights: [String: Double] = [:]
        var display: [String: String] = [:]
        for (bag, weight) in [(title, Self.titleWeight), (keywords, Self.keywordWeight), (description, Self.descriptionWeight)] {
            for (stem, spelling) in zip(bag.terms, bag.displays) {
                weights[stem, default: 0] += weight
                if display[stem] == nil { display[stem] = spelling }
            }
        }
        self.measureID = measure.id
        self.goalID = measure.goalID
        self.weights = weights
        self.display = display
        self.sortedWeights = Self.sorted(weights)
    }

    static func sorted(_ weights: [String: Double]) -> [(term: String, weight: Double)] {
        weights.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }
    }
}

extension MeasureQuery {
    /// The query with `extra` terms added at their weights (expansion).
    public func expanded(with extra: [String: Double]) -> MeasureQuery {
        var copy = self
        var weights = weights
        for (term, weight) in extra { weights[term, default: 0] += weight }
        copy.weights = weights
        return copy
    }
}
