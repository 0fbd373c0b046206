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
    public let capacity: Int
    /// Each form's slot in ``entries``.
    private var slotOfForm: [WordForm: Int] = [:]
    /// The forms in the order the memo met them; a form's slot is its index here.
    private var entries: [Entry] = []
    /// What ``count(_:)`` has handed on.
    private var counted = CorpusVocabulary()

    /// A form's analysed token, and its occurrences ``count(_:)`` has not yet added
    /// to a vocabulary.
    private struct Entry {
        var token: Token
        var uncounted: Int
        var occurrences: Int
    }

    /// - Parameter capacity: the most forms the memo holds before it starts again empty; `Int.max`
    ///   keeps every form (for ``forms()`` and ``count(_:recordingSlotsIn:)``).
    public init(filters: [any TokenFilter], capacity: Int = 1 << 17) {
        self.filters = filters
        self.capacity = max(1, capacity)
    }

    /// The number of forms the memo holds.
    public var formCount: Int { entries.count }

    /// The filtered token of the form in `slot` (a slot ``count(_:recordingSlotsIn:)`` gave), with
    /// the offsets of the form's first occurrence.
    public func form(inSlot slot: Int) -> Token { entries[slot].token }

    /// Applies the filters to the tokens of one text as the tokenizer gave them, in place, as
    /// ``Analyzer/apply(to:)`` would: from the memo where it can.
    public mutating func apply(to tokens: inout [Token]) {
        guard !tokens.contains(where: { $0.suspendedHyphen != nil }) else {
            for filter in filters { filter.apply(to: &tokens) }
            return
        }
        for index in tokens.indices {
            let (start, end) = (tokens[index].start, tokens[index].end)
            tokens[index] = entries[lookUp(tokens[index])].token
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
            entries[slot].uncounted += 1
            entries[slot].occurrences += 1
        }
    }

    /// ``count(_:)``, and appends the slot of every token of the text (of any kind) to `slots`, so
    /// that the text's filtered tokens are ``form(inSlot:)`` of its slots with the tokens' own
    /// offsets. Returns false and appends nothing for a text with a suspended hyphen (its tokens
    /// depend on their neighbours), and in a memo of bounded capacity (its slots do not last).
    public mutating func count(_ tokens: [Token], recordingSlotsIn slots: inout [UInt32]) -> Bool {
        guard capacity == .max, !tokens.contains(where: { $0.suspendedHyphen != nil }) else {
            count(tokens)
            return false
        }
        for token in tokens {
            let slot = lookUp(token)
            if token.kind == .word {
                entries[slot].uncounted += 1
                entries[slot].occurrences += 1
            }
            slots.append(UInt32(slot))
        }
        return true
    }

    /// The forms ``count(_:)`` has counted (words), as filtered tokens (offsets those of their
    /// first occurrence), with the occurrences it saw of each; in the order the memo met them.
    public func forms() -> [(token: Token, occurrences: Int)] {
        entries.filter { $0.occurrences > 0 }.map { ($0.token, $0.occurrences) }
    }

    /// The vocabulary of every text ``count(_:)`` has seen since the last call.
    public mutating func takeCounts() -> CorpusVocabulary {
        flushCounts()
        defer { counted = CorpusVocabulary() }
        return counted
    }

    private mutating func flushCounts() {
        for index in entries.indices where entries[index].uncounted > 0 {
            counted.add(entries[index].token, occurrences: entries[index].uncounted)
            entries[index].uncounted = 0
        }
    }

    /// The memo's slot of the token's form, filled first when the form is new. A token with a
    /// suspended hyphen must not come here.
    private mutating func lookUp(_ token: Token) -> Int {
        let key = WordForm(token)
        if let slot = slotOfForm[key] { return slot }
        var one = [token]
        for filter in filters { filter.apply(to: &one) }
        if entries.count >= capacity {
            flushCounts()
            slotOfForm.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
        }
        slotOfForm[key] = entries.count
        entries.append(Entry(token: one[0], uncounted: 0, occurrences: 0))
        return entries.count - 1
    }
}

/// A word form as a memo keys it: the surface's UTF-8 bytes and the token's kind.
public struct WordForm: Hashable, Sendable {
    private let bytes: UTF8Key
    public let kind: TokenKind

    public init(_ token: Token) {
        bytes = UTF8Key(token.surface)
        kind = token.kind
    }

    public var surface: String { bytes.text }
}
