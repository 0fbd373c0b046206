/// The words the analyzer knows: a lexicon shipped with Resonanz plus the corpus vocabulary.
///
/// Koehn & Knight (2003) split compounds by word frequencies from a large corpus. Resonanz has
/// no general frequency list it may ship, so a lexicon word counts as if it had been seen
/// ``lexiconCount`` times, and the corpus adds its real counts on top. A corpus word counts as
/// known on its own only when it occurs at least ``minimumCorpusCount`` times and has at least
/// ``minimumCorpusWordLength`` letters, so that typos and fragments do not become parts.
public struct Lexicon: Sendable {
    /// Pseudo-frequency of a lexicon word.
    public static let lexiconCount = 100
    /// Occurrences a corpus word needs to count as known without being in the lexicon.
    public static let minimumCorpusCount = 2
    /// Letters a corpus word needs to count as known without being in the lexicon.
    public static let minimumCorpusWordLength = 4

    /// Case-folded words of the shipped lexicon.
    public let words: Set<String>
    /// Counts of the corpus being analysed.
    public let vocabulary: CorpusVocabulary
    /// The words of both, for ``mayKnow(_:)``.
    private let presence: WordPresenceFilter

    public init(words: Set<String>, vocabulary: CorpusVocabulary = .empty) {
        self.words = words
        self.vocabulary = vocabulary
        var presence = WordPresenceFilter(capacity: words.count + vocabulary.counts.count)
        for word in words { presence.insert(word) }
        for word in vocabulary.counts.keys { presence.insert(word) }
        self.presence = presence
    }

    /// The same lexicon with another corpus vocabulary.
    public func with(_ vocabulary: CorpusVocabulary) -> Lexicon {
        Lexicon(words: words, vocabulary: vocabulary)
    }

    /// Evidence for `word`: corpus count plus ``lexiconCount`` when the lexicon has it.
    public func count(_ word: String) -> Int {
        vocabulary.count(of: word) + (words.contains(word) ? Self.lexiconCount : 0)
    }

    /// True when `word` is in the lexicon or frequent enough in the corpus.
    public func isKnown(_ word: String) -> Bool {
        words.contains(word) || Self.corpusKnows(vocabulary.count(of: word), scalarCount: word.unicodeScalars.count)
    }

    /// ``isKnown(_:)`` and ``count(_:)`` of `word` together, each table asked once, for a caller
    /// that knows the word's length in scalars already.
    func knownAndCount(_ word: String, scalarCount: Int) -> (isKnown: Bool, count: Int) {
        let inLexicon = words.contains(word)
        let corpus = vocabulary.count(of: word)
        return (
            inLexicon || Self.corpusKnows(corpus, scalarCount: scalarCount), corpus + (inLexicon ? Self.lexiconCount : 0)
        )
    }

    /// False when the word with these UTF-8 bytes is in neither the lexicon nor the corpus, so
    /// that ``isKnown(_:)`` is false and ``count(_:)`` is 0; true when it may be in either.
    func mayKnow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        presence.mayContain(bytes)
    }

    /// Whether a word the lexicon lacks is known from the corpus alone: ``minimumCorpusCount``
    /// occurrences and ``minimumCorpusWordLength`` letters.
    private static func corpusKnows(_ count: Int, scalarCount: Int) -> Bool {
        count >= minimumCorpusCount && scalarCount >= minimumCorpusWordLength
    }
}
