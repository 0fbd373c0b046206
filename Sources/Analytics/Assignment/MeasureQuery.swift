import Corpus
import TextAnalysis

/// A measure as a weighted BM25 query built from its own texts.
///
/// Rule: `w_q(t) = 1.0·[t in title] + 1.0·[t in keywords] + 0.5·[t in description]`, over the
/// stems and compound-part stems (``TermBag``) of each field analysed like the comments, so a
/// title word that the description repeats weighs 1.5. A synonym of a title or keyword noun
/// (``synonymText(of:thesaurus:)``) that is none of those terms weighs `synonymWeight`, below the
/// measure's own words.
public struct MeasureQuery: Sendable {
    public static let titleWeight = 1.0
    public static let keywordWeight = 1.0
    public static let descriptionWeight = 0.5

    public let measureID: String
    public let goalID: String
    /// Weight per term (stem id).
    public private(set) var weights: [TermID: Double] {
        didSet { sortedWeights = Self.sorted(weights) }
    }
    /// The same weights sorted by term, the order BM25 adds them in.
    public private(set) var sortedWeights: [(term: TermID, weight: Double)] = []
    /// How the measure's own text spells each term, for evidence.
    public let display: [TermID: String]

    public init(
        measure: Measure, title: TermBag, description: TermBag, keywords: TermBag, synonyms: TermBag = TermBag(),
        synonymWeight: Double = 0
    ) {
        var weights: [TermID: Double] = [:]
        var display: [TermID: String] = [:]
        for (bag, weight) in [(title, Self.titleWeight), (keywords, Self.keywordWeight), (description, Self.descriptionWeight)] {
            for (stem, spelling) in zip(bag.terms, bag.displays) {
                weights[stem, default: 0] += weight
                if display[stem] == nil { display[stem] = spelling }
            }
        }
        if synonymWeight > 0 {
            for (stem, spelling) in zip(synonyms.terms, synonyms.displays) where weights[stem] == nil {
                weights[stem] = synonymWeight
                display[stem] = spelling
            }
        }
        self.measureID = measure.id
        self.goalID = measure.goalID
        self.weights = weights
        self.display = display
        self.sortedWeights = Self.sorted(weights)
    }

    /// The texts each measure's query is made of, measure after measure, to be analysed with the
    /// comments (so that both share one vocabulary): its title, description, keywords (one a
    /// line) and the synonyms of its nouns (``synonymText(of:thesaurus:)``; empty without a
    /// thesaurus). ``queries(_:fieldBags:synonymWeight:)`` reads their bags in the same order.
    public static func fieldTexts(of measures: [Measure], thesaurus: Thesaurus?) -> [String] {
        measures.flatMap { measure in
            [
                measure.title, measure.description, measure.keywords.joined(separator: "\n"),
                thesaurus.map { synonymText(of: measure, thesaurus: $0) } ?? "",
            ]
        }
    }

    /// Each measure's query from the bags of its ``fieldTexts(of:thesaurus:)``, in that order.
    public static func queries(_ measures: [Measure], fieldBags: [TermBag], synonymWeight: Double) -> [MeasureQuery] {
        let fields = 4
        precondition(fieldBags.count == fields * measures.count, "four field bags per measure")
        return measures.indices.map { index in
            let bags = fieldBags[(index * fields)..<((index + 1) * fields)]
            let first = bags.startIndex
            return MeasureQuery(
                measure: measures[index], title: bags[first], description: bags[first + 1], keywords: bags[first + 2],
                synonyms: bags[first + 3], synonymWeight: synonymWeight)
        }
    }

    /// The synonyms (``Thesaurus``) of the nouns of the measure's title and keywords, one a line:
    /// the words that begin with a capital letter, split at spaces, hyphens and punctuation.
    public static func synonymText(of measure: Measure, thesaurus: Thesaurus) -> String {
        let text = ([measure.title] + measure.keywords).joined(separator: " ")
        let words = text.split { !($0.isLetter) }.map(String.init).filter { $0.first?.isUppercase == true && $0.count >= 3 }
        var seen: Set<String> = []
        var lines: [String] = []
        for word in words {
            for synonym in thesaurus.synonyms(of: word) where seen.insert(synonym).inserted { lines.append(synonym) }
        }
        return lines.joined(separator: "\n")
    }

    static func sorted(_ weights: [TermID: Double]) -> [(term: TermID, weight: Double)] {
        weights.sorted { $0.key < $1.key }.map { (term: $0.key, weight: $0.value) }
    }
}

extension MeasureQuery {
    /// The query with `extra` terms added at their weights (expansion).
    public func expanded(with extra: [TermID: Double]) -> MeasureQuery {
        var copy = self
        var weights = weights
        for (term, weight) in extra { weights[term, default: 0] += weight }
        copy.weights = weights
        return copy
    }
}
