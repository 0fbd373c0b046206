import TextAnalysis

/// The matching terms of one text: stem counts of its content words and of their compound parts.
///
/// Rules: every content word (``Token/isContentWord``) adds its stem once per occurrence; each of
/// its compound parts whose norm has at least three letters adds the part's stem, unless it equals
/// the word's own stem. So `Fachkräftemangel` adds `fachkraftemangel`, `fachkraft` and `mangel`,
/// and a comment about `Mangel an Fachkräften` meets a measure about `Fachkräftemangel`.
public struct TermBag: Sendable, Equatable {
    /// Occurrences per stem.
    public private(set) var counts: [String: Int] = [:]
    /// Sum of all counts (the BM25 document length).
    public private(set) var length = 0
    /// The first spelling of each stem in the text, for evidence.
    public private(set) var firstDisplay: [String: String] = [:]

    public init() {}

    public init(tokens: [Token]) {
        for token in tokens where token.isContentWord {
            add(token.stem, display: token.display)
            for part in token.parts where part.norm.count >= 3 && part.stem != token.stem {
                add(part.stem, display: part.display)
            }
        }
    }

    /// The bag of words already normalised elsewhere (a preprocessed benchmark file): each word
    /// counts as its own stem.
    public init(words: [String]) {
        for word in words { add(word, display: word) }
    }

    private mutating func add(_ stem: String, display: String) {
        guard !stem.isEmpty else { return }
        counts[stem, default: 0] += 1
        length += 1
        if firstDisplay[stem] == nil { firstDisplay[stem] = display }
    }

    public func count(_ stem: String) -> Int { counts[stem] ?? 0 }
}

/// The stems of a text's content words, each once, for keyword statistics (compound parts are
/// left out: a keyword list shows words people wrote, not fragments of them).
public func keywordStems(_ tokens: [Token]) -> Set<String> {
    var stems: Set<String> = []
    for token in tokens where token.isContentWord && KeywordHygiene.isKeywordCandidate(token) {
        stems.insert(token.stem)
    }
    return stems
}

/// Which tokens may become keywords.
public enum KeywordHygiene {
    /// A word that is no stopword, with at least three letters (two when written in capitals,
    /// like `KI`), no digit and no `@` (an @handle names a person, not a subject).
    public static func isKeywordCandidate(_ token: Token) -> Bool {
        guard token.kind == .word, !token.isStopword else { return false }
        let display = token.display
        guard !display.contains(where: \.isNumber), !display.contains("@") else { return false }
        let letters = display.filter(\.isLetter).count
        if letters >= 3 { return true }
        return letters == 2 && display.allSatisfy { $0.isUppercase || !$0.isLetter }
    }
}
