import TextAnalysis

/// The matching terms of one text as the analyzer yields them, as strings: stem counts of its
/// content words and of their compound parts. A run turns them into ``TermBag``s of term ids
/// (``TermVocabulary``) as soon as every text is analysed; only the analysis holds these.
///
/// Rules: every content word (``Token/isContentWord``) adds its stem once per occurrence; each of
/// its compound parts whose norm has at least three letters adds the part's stem, unless it equals
/// the word's own stem. So `Fachkräftemangel` adds `fachkraftemangel`, `fachkraft` and `mangel`,
/// and a comment about `Mangel an Fachkräften` meets a measure about `Fachkräftemangel`.
///
/// Stored as three arrays sorted by stem, so that the vocabulary gives ids in one merge.
public struct TextTerms: Sendable, Equatable {
    /// Distinct stems, ascending (`String`'s `<`).
    public private(set) var terms: [String] = []
    /// Occurrences of each of ``terms``.
    public private(set) var counts: [Int32] = []
    /// The first spelling in the text of each of ``terms``.
    public private(set) var displays: [String] = []
    /// Sum of all counts.
    public private(set) var length = 0

    public init() {}

    public init(tokens: [Token]) {
        var entries: [String: (count: Int32, display: String)] = [:]
        func add(_ stem: String, display: String) {
            guard !stem.isEmpty else { return }
            entries[stem, default: (0, display)].count += 1
        }
        for token in tokens where token.isContentWord {
            add(token.stem, display: token.display)
            for part in token.parts where part.norm.count >= 3 && part.stem != token.stem {
                add(part.stem, display: part.display)
            }
        }
        self.init(entries)
    }

    /// The bag of words already normalised elsewhere (a preprocessed benchmark file): each word
    /// counts as its own stem.
    public init(words: [String]) {
        var entries: [String: (count: Int32, display: String)] = [:]
        for word in words where !word.isEmpty { entries[word, default: (0, word)].count += 1 }
        self.init(entries)
    }

    private init(_ entries: [String: (count: Int32, display: String)]) {
        let sorted = entries.sorted { $0.key < $1.key }
        terms = sorted.map(\.key)
        counts = sorted.map(\.value.count)
        displays = sorted.map(\.value.display)
        length = counts.reduce(0) { $0 + Int($1) }
    }

    /// The position of `stem` in ``terms``, nil when the text does not have it.
    public func position(of stem: String) -> Int? { terms.sortedIndex(of: stem) }

    public func count(_ stem: String) -> Int { position(of: stem).map { Int(counts[$0]) } ?? 0 }

    /// The first spelling of `stem` in the text.
    public func display(of stem: String) -> String? { position(of: stem).map { displays[$0] } }
}

/// The stems of a text's content words, each once, for keyword statistics (compound parts are
/// left out: a keyword list shows words people wrote, not fragments of them).
public func keywordStems(_ tokens: [Token]) -> StemSet {
    StemSet(tokens.lazy.filter { $0.isContentWord && KeywordHygiene.isKeywordCandidate($0) }.map(\.stem))
}
