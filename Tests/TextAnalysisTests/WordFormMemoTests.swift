import Synchronization
import Testing
import TextAnalysis

/// ``WordFormMemo`` on ``WhitespaceTokenizer`` output with filters and word lists written here:
/// the memo must give exactly the tokens of the plain chain, run the filters once per form, and
/// count as ``CorpusVocabulary/add(_:)`` does.
struct WordFormMemoTests {
    let tokenizer = WhitespaceTokenizer()
    let text = "Mehr Radwege und Bürger:innen wollen mehr Radwege, Fachkräfteausbildung und -gewinnung, Radwege"

    /// The German chain's filters with word lists of a few words.
    func chain(vocabulary: CorpusVocabulary = CorpusVocabulary()) -> [any TokenFilter] {
        let lexicon = Lexicon(words: ["fachkräfte", "ausbildung", "gewinnung", "bürger", "rad", "wege"], vocabulary: vocabulary)
        let splitter = CompoundSplitter(lexicon: lexicon)
        return [
            GenderFormFilter(), CaseFoldingFilter(), FeminineSuffixFilter(lexicon: lexicon, exceptions: []),
            StopwordFilter(stopwords: ["und", "mehr"], abbreviations: []), CompoundSplitFilter(splitter: splitter),
            HyphenEllipsisFilter(splitter: splitter), StemFilter(nounsWithGe: []),
        ]
    }

    func plain(_ text: String, _ filters: [any TokenFilter]) -> [Token] {
        var tokens = tokenizer.tokenize(text)
        for filter in filters { filter.apply(to: &tokens) }
        return tokens
    }

    func memoised(_ text: String, _ memo: inout WordFormMemo) -> [Token] {
        var tokens = tokenizer.tokenize(text)
        memo.apply(to: &tokens)
        return tokens
    }

    @Test func givesTheTokensOfThePlainChain() {
        let vocabulary = CorpusVocabulary(counts: ["radwege": 3], capitalized: ["radwege": 3])
        var memo = WordFormMemo(filters: chain(vocabulary: vocabulary))
        for sample in [text, "Radwege und mehr Radwege", "Bürger:innen, Radwege", text] {
            #expect(memoised(sample, &memo) == plain(sample, chain(vocabulary: vocabulary)))
        }
        // Offsets are the token's own, not those of the form's first occurrence.
        #expect(memoised("x Radwege", &memo).last?.start == 2)
    }

    @Test func runsTheFiltersOncePerForm() {
        let recorder = Recorder()
        var memo = WordFormMemo(filters: [recorder])
        _ = memoised("Radwege Radwege Busse Radwege", &memo)
        _ = memoised("Busse Radwege", &memo)
        #expect(recorder.seen.withLock { $0 } == ["Radwege", "Busse"])
        #expect(memo.formCount == 2)
    }

    @Test func countsTheOccurrencesOfEachForm() {
        var counting = WordFormMemo(filters: [CaseFoldingFilter()], capacity: .max)
        counting.count(tokenizer.tokenize("Radwege Busse Radwege 1.000"))
        var applied = tokenizer.tokenize("Straße Busse")
        counting.apply(to: &applied)
        // Slots in the order the memo met the forms; only words are counted (count(_:) does not
        // look the number up), and forms it only applied the filters to have no occurrences.
        let slots = 0..<counting.formCount
        #expect(slots.map { counting.form(inSlot: $0).norm } == ["radwege", "busse", "strasse"])
        #expect(slots.map { counting.occurrences(inSlot: $0) } == [2, 1, 0])
    }

    @Test func theNeighbourhoodOfASuspendedHyphenGoesThroughTheChainAsAText() {
        var memo = WordFormMemo(filters: chain())
        let tokens = memoised("Fachkräfteausbildung und -gewinnung", &memo)
        #expect(tokens.last?.norm == "fachkräftegewinnung")
        #expect(tokens == plain("Fachkräfteausbildung und -gewinnung", chain()))
        #expect(memo.formCount == 0)
        // Tokens more than six away from every suspended hyphen come from the memo; a leading
        // hyphen borrows from the completed one before it, within the same neighbourhood.
        let long =
            "eins zwei drei vier fünf sechs sieben Fachkräfteausbildung, -gewinnung und -sicherung acht neun zehn elf zwölf dreizehn vierzehn"
        let expected = plain(long, chain())
        #expect(memoised(long, &memo) == expected)
        #expect(expected[8].norm == "fachkräftegewinnung" && expected[10].norm == "fachkräftesicherung")
        #expect(memo.formCount == 3)
    }

    @Test func aFullMemoStartsAgainWithTheSameTokens() {
        var memo = WordFormMemo(filters: chain(), capacity: 2)
        let sample = "eins zwei drei vier eins fünf zwei"
        #expect(memoised(sample, &memo) == plain(sample, chain()))
        #expect(memo.formCount <= 2)
    }

    /// The text's filtered tokens from its slots, and from its stretches where a slot is
    /// ``WordFormMemo/noSlot``.
    func rebuilt(_ raw: [Token], _ slots: [UInt32], _ stretches: [WordFormMemo.Stretch], _ memo: WordFormMemo) -> [Token] {
        var tokens = zip(slots, raw).map { slot, token in
            guard slot != WordFormMemo.noSlot else { return token }
            var form = memo.form(inSlot: Int(slot))
            (form.start, form.end) = (token.start, token.end)
            return form
        }
        for stretch in stretches { tokens.replaceSubrange(stretch.range, with: stretch.tokens) }
        return tokens
    }

    @Test func recordsEachTextAsSlotsThatRebuildItsTokens() {
        var memo = WordFormMemo(filters: chain(), capacity: .max)
        var slots: [UInt32] = []
        var stretches: [WordFormMemo.Stretch] = []
        let sample = "Radwege 1.000 Radwege 🚲 und Bürger:innen"
        let raw = tokenizer.tokenize(sample)
        #expect(memo.count(raw, recordingSlotsIn: &slots, stretches: &stretches))
        // Every token of every kind has a slot; a form met again has the slot of its first occurrence.
        #expect(slots.count == raw.count && stretches.isEmpty)
        #expect(slots[0] == slots[2])
        #expect(rebuilt(raw, slots, stretches, memo) == plain(sample, chain()))
        // Only words are counted, as by count(_:).
        var counting = WordFormMemo(filters: chain(), capacity: .max)
        counting.count(raw)
        #expect(memo.takeCounts() == counting.takeCounts())
    }

    @Test func recordsTheNeighbourhoodsOfSuspendedHyphensAsStretches() {
        var memo = WordFormMemo(filters: chain(), capacity: .max)
        var slots: [UInt32] = []
        var stretches: [WordFormMemo.Stretch] = []
        let sample =
            "Innovations- und Digitalstandort eins zwei drei vier fünf sechs sieben acht neun Fachkräfteausbildung und -gewinnung"
        let raw = tokenizer.tokenize(sample)
        #expect(memo.count(raw, recordingSlotsIn: &slots, stretches: &stretches))
        // Each suspended hyphen with six tokens either side, clipped to the text.
        #expect(stretches.map(\.range) == [0..<7, 8..<15])
        #expect(slots.count == raw.count)
        #expect(slots.enumerated().allSatisfy { ($1 == WordFormMemo.noSlot) == ($0 != 7) })
        #expect(rebuilt(raw, slots, stretches, memo) == plain(sample, chain()))
        var expected = CorpusVocabulary()
        expected.add(plain(sample, chain()))
        #expect(memo.takeCounts() == expected)
    }

    @Test func leavesTheCountsOfItsFormsToTheCaller() {
        var memo = WordFormMemo(filters: chain(), capacity: .max)
        let sample = "Radwege und Radwege eins zwei drei vier fünf sechs sieben Fachkräfteausbildung und -gewinnung"
        let raw = tokenizer.tokenize(sample)
        var slots: [UInt32] = []
        var stretches: [WordFormMemo.Stretch] = []
        #expect(memo.count(raw, recordingSlotsIn: &slots, stretches: &stretches))
        #expect(stretches.map(\.range) == [6..<13] && memo.formCount == 5)
        // Beside the forms: the neighbourhood's words only; with each form's occurrences, the whole.
        var beside = memo.takeCountsBesideForms()
        var expected = CorpusVocabulary()
        expected.add(stretches.flatMap(\.tokens))
        #expect(beside == expected)
        for slot in 0..<memo.formCount { beside.add(memo.form(inSlot: slot), occurrences: memo.occurrences(inSlot: slot)) }
        var whole = CorpusVocabulary()
        whole.add(plain(sample, chain()))
        #expect(beside == whole)
        // What was handed on is not counted again.
        #expect(memo.takeCounts() == CorpusVocabulary())
    }

    @Test func recordsNoSlotsWhereTheyWouldNotLast() {
        var slots: [UInt32] = []
        var stretches: [WordFormMemo.Stretch] = []
        var bounded = WordFormMemo(filters: chain(), capacity: 2)
        #expect(!bounded.count(tokenizer.tokenize("eins zwei drei"), recordingSlotsIn: &slots, stretches: &stretches))
        #expect(slots.isEmpty && stretches.isEmpty)
        // The text is still counted.
        var expected = CorpusVocabulary()
        expected.add(plain("eins zwei drei", chain()))
        #expect(bounded.takeCounts() == expected)
    }

    @Test(arguments: [1, 3, 1 << 17])
    func countsAsTheVocabularyOfTheFilteredTokens(capacity: Int) {
        let texts = [text, "Radwege RADWEGE radwege", "Bürger:innen und Bürger", "1.000 € für Radwege"]
        var expected = CorpusVocabulary()
        for sample in texts { expected.add(plain(sample, chain())) }
        var memo = WordFormMemo(filters: chain(), capacity: capacity)
        for sample in texts { memo.count(tokenizer.tokenize(sample)) }
        #expect(memo.takeCounts() == expected)
        #expect(memo.takeCounts() == CorpusVocabulary())
    }
}

/// A filter that records the surface of every token it sees.
private final class Recorder: TokenFilter {
    let seen = Mutex<[String]>([])

    func apply(to tokens: inout [Token]) {
        seen.withLock { $0 += tokens.map(\.surface) }
    }
}
