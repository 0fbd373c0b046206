/// A worker's memo of analysed word forms: each form runs through the filters once, and every
/// later token of the same form gets the same derived fields from the memo.
///
/// Rule: a token whose `suspendedHyphen` is nil is, after the filters, a function of its
/// `surface` and `kind` alone (what the tokenizer gave it besides its offsets): every filter of
/// the chain treats such a token on its own (``HyphenEllipsisFilter`` looks at neighbours only
/// for suspended hyphens), and none reads `start` or `end`. So each new form is filtered as a
/// text of one token, and the result is kept under the form's UTF-8 bytes and kind. The tokens
/// around a suspended hyphen (``HyphenEllipsisFilter/neighbourhoods(of:)``) go through the
/// filters as a text of their own instead, which gives them the tokens the whole text gives
/// there. Either way the tokens are exactly those of ``Analyzer/apply(to:)``.
///
/// The key is the surface's bytes and the kind (a ``FormTable``), not the `String` (Swift's
/// `String` hashing and equality normalise to NFC first, which costs more than the lookup
/// saves, and would join forms whose bytes differ). When the memo holds `capacity` forms it
/// starts again empty, so its memory stays bounded on any corpus; the tokens do not depend on
/// when that happens.
public struct WordFormMemo: Sendable {
    /// The filters, in order (an ``Analyzer``'s).
    public let filters: [any TokenFilter]
    public let capacity: Int
    /// Each form's slot in ``entries``: its id.
    private var slotOfForm = FormTable()
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
    ///   keeps every form (for ``count(_:recordingSlotsIn:stretches:)``).
    public init(filters: [any TokenFilter], capacity: Int = 1 << 17) {
        self.filters = filters
        self.capacity = max(1, capacity)
    }

    /// The number of forms the memo holds.
    public var formCount: Int { entries.count }

    /// The filtered token of the form in `slot` (a slot ``count(_:recordingSlotsIn:stretches:)``
    /// gave), with the offsets of the form's first occurrence.
    public func form(inSlot slot: Int) -> Token { entries[slot].token }

    /// The tokens of a text that are not taken from the memo's forms: the text's tokens `range`
    /// (a neighbourhood of suspended hyphens), filtered as a text of their own.
    public struct Stretch: Sendable, Equatable {
        public let range: Range<Int>
        public let tokens: [Token]
    }

    /// Walks a text of `count` tokens in order: `outside` for the index of each token in no
    /// stretch, `inside` for each stretch where it begins. `stretches` are ascending and
    /// disjoint, as ``HyphenEllipsisFilter/neighbourhoods(of:)`` gives their ranges.
    @inlinable
    public static func walk(
        _ stretches: [Stretch], count: Int, outside: (Int) -> Void, inside: (Stretch) -> Void
    ) {
        var index = 0
        for stretch in stretches {
            while index < stretch.range.lowerBound {
                outside(index)
                index += 1
            }
            inside(stretch)
            index = stretch.range.upperBound
        }
        while index < count {
            outside(index)
            index += 1
        }
    }

    /// The slot ``count(_:recordingSlotsIn:stretches:)`` records for a token of a ``Stretch``.
    public static let noSlot = UInt32.max

    /// Applies the filters to the tokens of one text as the tokenizer gave them, in place, as
    /// ``Analyzer/apply(to:)`` would: from the memo where it can.
    public mutating func apply(to tokens: inout [Token]) {
        let stretches = filteredNeighbourhoods(of: tokens)
        var filtered: [Token] = []
        filtered.reserveCapacity(tokens.count)
        Self.walk(stretches, count: tokens.count) { index in
            var token = entries[lookUp(tokens[index])].token
            (token.start, token.end) = (tokens[index].start, tokens[index].end)
            filtered.append(token)
        } inside: { stretch in
            filtered.append(contentsOf: stretch.tokens)
        }
        tokens = filtered
    }

    /// Counts the word tokens of one text (as the tokenizer gave them) as
    /// ``CorpusVocabulary/add(_:)`` of the filtered tokens would, but per form: the memo adds up a
    /// form's occurrences and hands them on to the vocabulary once (in ``takeCounts()``, or when
    /// it starts again empty); the words of the neighbourhoods of suspended hyphens are counted
    /// from those neighbourhoods filtered as texts of their own.
    public mutating func count(_ tokens: [Token]) {
        var slots: [UInt32] = []
        var stretches: [Stretch] = []
        record(tokens, slots: &slots, stretches: &stretches, keepingSlots: false)
    }

    /// ``count(_:)``, and appends the slot of every token of the text (of any kind) to `slots`, so
    /// that the text's filtered tokens are ``form(inSlot:)`` of its slots with the tokens' own
    /// offsets; the tokens of a neighbourhood of suspended hyphens get ``noSlot`` and their
    /// filtered tokens are appended to `stretches` instead. Returns false and appends nothing in a
    /// memo of bounded capacity (its slots do not last).
    public mutating func count(
        _ tokens: [Token], recordingSlotsIn slots: inout [UInt32], stretches: inout [Stretch]
    ) -> Bool {
        guard capacity == .max else {
            count(tokens)
            return false
        }
        record(tokens, slots: &slots, stretches: &stretches, keepingSlots: true)
        return true
    }

    /// Counts the text, its neighbourhoods of suspended hyphens as filtered texts of their own
    /// and every other token by its form; with `keepingSlots`, appends what
    /// ``count(_:recordingSlotsIn:stretches:)`` appends.
    private mutating func record(
        _ tokens: [Token], slots: inout [UInt32], stretches: inout [Stretch], keepingSlots: Bool
    ) {
        let own = filteredNeighbourhoods(of: tokens)
        Self.walk(own, count: tokens.count) { index in
            guard keepingSlots || tokens[index].kind == .word else { return }
            let slot = lookUp(tokens[index])
            if tokens[index].kind == .word {
                entries[slot].uncounted += 1
                entries[slot].occurrences += 1
            }
            if keepingSlots { slots.append(UInt32(slot)) }
        } inside: { stretch in
            counted.add(stretch.tokens)
            if keepingSlots { slots.append(contentsOf: repeatElement(Self.noSlot, count: stretch.range.count)) }
        }
        if keepingSlots { stretches.append(contentsOf: own) }
    }

    /// The text's neighbourhoods of suspended hyphens, each filtered as a text of its own.
    private func filteredNeighbourhoods(of tokens: [Token]) -> [Stretch] {
        HyphenEllipsisFilter.neighbourhoods(of: tokens).map { range in
            var stretch = Array(tokens[range])
            for filter in filters { filter.apply(to: &stretch) }
            return Stretch(range: range, tokens: stretch)
        }
    }

    /// How often ``count(_:)`` counted the form in `slot` (0 for a form that is not a word).
    public func occurrences(inSlot slot: Int) -> Int { entries[slot].occurrences }

    /// The vocabulary of every text ``count(_:)`` has seen since the last call.
    public mutating func takeCounts() -> CorpusVocabulary {
        flushCounts()
        defer { counted = CorpusVocabulary() }
        return counted
    }

    /// ``takeCounts()`` without the occurrences of the forms the memo holds, which are left to
    /// the caller (``occurrences(inSlot:)``: the vocabulary then adds each form's total once,
    /// however many memos met it): what was counted outside them (the neighbourhoods of
    /// suspended hyphens, and forms let go when the memo started again empty). Afterwards the
    /// held forms count as handed on, so ``takeCounts()`` does not add them again; a caller
    /// uses either this with ``occurrences(inSlot:)`` or ``takeCounts()``, not both.
    public mutating func takeCountsBesideForms() -> CorpusVocabulary {
        for index in entries.indices { entries[index].uncounted = 0 }
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
    /// suspended hyphen must not come here: its filtered token depends on its neighbours.
    private mutating func lookUp(_ token: Token) -> Int {
        var (slot, isNew) = slotOfForm.add(token.surface, kind: token.kind)
        guard isNew else { return slot }
        if entries.count >= capacity {
            flushCounts()
            slotOfForm.removeAll()
            entries.removeAll(keepingCapacity: true)
            slot = slotOfForm.add(token.surface, kind: token.kind).id
        }
        var one = [token]
        for filter in filters { filter.apply(to: &one) }
        entries.append(Entry(token: one[0], uncounted: 0, occurrences: 0))
        return slot
    }
}
