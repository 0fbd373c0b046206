/// A worker's memo of analysed word forms: each form runs through the filters once, and every
/// later token of the same form gets the same derived fields from the memo.
///
/// Rule: a token whose `suspendedHyphen` is nil is, after the filters, a function of its
/// `surface` and `kind` alone (what the tokenizer gave it besides its offsets): every filter of
/// the chain treats such a token on its own (``HyphenEllipsisFilter`` looks at neighbours only
/// for suspended hyphens), and none reads `start` or `end`. So for a text without suspended
/// hyphens, the filters are applied to each new form as a text of one token, and the result is
/// kept under the form's UTF-8 bytes and kind; a text with a suspended hyphen goes through the
/// filters whole, as without the memo. Either way the tokens are exactly those of
/// ``Analyzer/apply(to:)``.
///
/// The key hashes and compares the bytes of the surface, not the `String` (Swift's `String`
/// hashing and equality normalise to NFC first, which costs more than the lookup saves, and
/// would join forms whose bytes differ). When the memo holds `capacity` forms it starts again
/// empty, so its memory stays bounded on any corpus; the tokens do not depend on when that happens.
public struct WordFormMemo: Sendable {
    /// The filters, in order (an ``Analyzer``'s).
    public let filters: [any TokenFilter]
    /// Forms analysed before, by the same filters, for the whole corpus: read first, never changed.
    public let known: [WordForm: Token]
    public let capacity: Int
    private var entries: [WordForm: Entry] = [:]
    /// What ``count(_:)`` has handed on.
    private var counted = CorpusVocabulary()

    /// A form's analysed token, and its occurrences ``count(_:)`` has not yet added
    /// to a vocabulary.
    private struct Entry {
        var token: Token
        var uncounted: Int
        var occurrences: Int
    }

    /// - Parameters:
    ///   - known: forms already analysed by `filters` (``WordFormMemo/forms()`` of other memos,
    ///     filtered), keyed by ``WordForm``.
    ///   - capacity: the most forms the memo holds before it starts again empty; `Int.max` keeps
    ///     every form (for ``forms()``).
    public init(filters: [any TokenFilter], known: [WordForm: Token] = [:], capacity: Int = 1 << 17) {
        self.filters = filters
        self.known = known
        self.capacity = max(1, capacity)
    }

    /// The number of forms the memo holds.
    public var formCount: Int { entries.count }

    /// Applies the filters to the tokens of one text as the tokenizer gave them, in place, as
    /// ``Analyzer/apply(to:)`` would: from the memo where it can.
    public mutating func apply(to tokens: inout [Token]) {
        guard !tokens.contains(where: { $0.suspendedHyphen != nil }) else {
            for filter in filters { filter.apply(to: &tokens) }
            return
        }
        for index in tokens.indices {
            let (start, end) = (tokens[index].start, tokens[index].end)
            if let analysed = known[WordForm(tokens[index])] {
                tokens[index] = analysed
            } else {
                let slot = lookUp(tokens[index])
                tokens[index] = entries.values[slot].token
            }
            tokens[index].start = start
            tokens[index].end = end
        }
    }

    /// Counts the word tokens of one text (as the tokenizer gave them) as
    /// ``CorpusVocabulary/add(_:)`` of the filtered tokens would, but per form: the memo adds up a
    /// form's occurrences and hands them on to the vocabulary once (in ``takeCounts()``, or when
    /// it starts again empty).
    public mutating func count(_ tokens: [Token]) {
        guard !tokens.contains(where: { $0.suspendedHyphen != nil }) else {
            var filtered = tokens
            for filter in filters { filter.apply(to: &filtered) }
            counted.add(filtered)
            return
        }
        for token in tokens where token.kind == .word {
            let slot = lookUp(token)
            entries.values[slot].uncounted += 1
            entries.values[slot].occurrences += 1
        }
    }

    /// The forms the memo holds (those ``count(_:)`` saw are words), as filtered tokens (offsets
    /// those of their first occurrence), with the occurrences ``count(_:)`` saw of each; in no
    /// particular order.
    public func forms() -> [(token: Token, occurrences: Int)] {
        entries.values.map { ($0.token, $0.occurrences) }
    }

    /// The vocabulary of every text ``count(_:)`` has seen since the last call.
    public mutating func takeCounts() -> CorpusVocabulary {
        flushCounts()
        defer { counted = CorpusVocabulary() }
        return counted
    }

    private mutating func flushCounts() {
        for index in entries.indices where entries.values[index].uncounted > 0 {
            counted.add(entries.values[index].token, occurrences: entries.values[index].uncounted)
            entries.values[index].uncounted = 0
        }
    }

    /// The memo's slot of the token's form, filled first when the form is new. A token with a
    /// suspended hyphen must not come here.
    private mutating func lookUp(_ token: Token) -> Dictionary<WordForm, Entry>.Index {
        let key = WordForm(token)
        if let index = entries.index(forKey: key) { return index }
        var one = [token]
        for filter in filters { filter.apply(to: &one) }
        if entries.count >= capacity {
            flushCounts()
            entries.removeAll(keepingCapacity: true)
        }
        entries[key] = Entry(token: one[0], uncounted: 0, occurrences: 0)
        return entries.index(forKey: key)!
    }
}

/// A word form as a memo keys it: the surface's UTF-8 bytes and the token's kind.
public struct WordForm: Hashable, Sendable {
    public let surface: String
    public let kind: TokenKind

    public init(_ token: Token) {
        surface = token.surface
        kind = token.kind
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        let hashed: Void? = surface.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            Array(surface.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public static func == (lhs: WordForm, rhs: WordForm) -> Bool {
        guard lhs.kind == rhs.kind, lhs.surface.utf8.count == rhs.surface.utf8.count else { return false }
        let equal = lhs.surface.utf8.withContiguousStorageIfAvailable { left in
            rhs.surface.utf8.withContiguousStorageIfAvailable { right in
                left.elementsEqual(right)
            }
        }
        return (equal ?? nil) ?? lhs.surface.utf8.elementsEqual(rhs.surface.utf8)
    }
}
