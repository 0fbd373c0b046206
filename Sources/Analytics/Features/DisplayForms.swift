import TextAnalysis

/// The spelling to show for a stem: the display form the corpus uses most often for it.
///
/// Ties go to the smaller string in Unicode order, which prefers the capitalised noun
/// (`Bürger` before `bürger`). So keywords read as people wrote them, never as bare stems.
public struct DisplayForms: Sendable {
    private var counts: [String: [String: Int]] = [:]

    public init() {}

    public mutating func add(_ tokens: [Token]) {
        for token in tokens where token.kind == .word {
            counts[token.stem, default: [:]][token.display, default: 0] += 1
        }
    }

    public mutating func merge(_ other: DisplayForms) {
        for (stem, forms) in other.counts {
            counts[stem, default: [:]].merge(forms, uniquingKeysWith: +)
        }
    }

    /// The most frequent spelling of `stem`, or the stem itself if no token had it.
    public func display(_ stem: String) -> String {
        guard let forms = counts[stem] else { return stem }
        return forms.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key
        }?.key ?? stem
    }
}
