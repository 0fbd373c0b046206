import TextAnalysis

/// Runs the German analyzer over many texts in two parallel passes.
///
/// 1. Normalise every text (tokenizer, gender forms, case folding), one ICU session per chunk.
/// 2. Count the norms of all texts into one ``CorpusVocabulary``: each word form's occurrences
///    summed over the chunks, then added once.
/// 3. Enrich every text (feminine forms, stopwords, compounds, hyphen ellipsis, stems) with the
///    vocabulary as the corpus half of the lexicon.
/// The result is the same for any number of threads: work is split into contiguous chunks and
/// joined in text order, and the vocabulary is a sum. Each chunk of the first pass keeps a
/// ``WordFormMemo``, so a word form goes through the normalising filters once per chunk, not
/// once per token.
///
/// ``analyze(_:chunk:)`` hands each chunk's tokens to the caller and keeps only what it makes of
/// them; ``analyze(_:)`` keeps them all. Between the passes no token is held, only what rebuilds
/// it: the first pass records each text as its tokens' slots in the chunk's memo and their start
/// offsets (8 bytes a token, against a `Token`'s hundred and more), and the second pass makes
/// the tokens from the enriched forms without tokenising the text again. The tokens around a
/// suspended hyphen, which depend on their neighbours
/// (``HyphenEllipsisFilter/neighbourhoods(of:)``), are kept normalised instead and enriched as a
/// text of their own in the second pass. Between the passes, each word form that occurs more
/// than once is enriched once for the whole corpus, in parallel; every other form is enriched
/// once, by the chunk that holds it. Form numbers are 32-bit: a chunk of more than two billion
/// distinct forms (far beyond any memory) is not provided for. The first pass keeps every
/// distinct word form of its chunk until that chunk of the second pass has enriched them: the
/// number of forms grows far more slowly than the corpus's length.
public struct CorpusAnalyzer: Sendable {
    public let resources: AnalyzerResources
    public let threads: Int

    public init(resources: AnalyzerResources, threads: Int) {
        self.resources = resources
        self.threads = max(1, threads)
    }

    /// The analysed tokens of each text, in order, and the vocabulary they produced: the tokens
    /// ``analyze(_:chunk:)`` hands on, all kept.
    public func analyze(_ texts: [String]) throws(TextAnalysisError) -> (tokens: [[Token]], vocabulary: CorpusVocabulary) {
        let analysed = try analyze(texts) {
            (range: Range<Int>, tokens: (Int) throws(TextAnalysisError) -> [Token]) throws(TextAnalysisError) -> [[Token]] in
            try range.map { (index: Int) throws(TextAnalysisError) -> [Token] in try tokens(index) }
        }
        return (analysed.chunks.flatMap { $0 }, analysed.vocabulary)
    }

    /// Analyses `texts` in contiguous chunks (about four per thread), never holding more than
    /// one text's tokens per worker: `chunk` gets a chunk's range and a function returning the
    /// analysed tokens of a text in it, and returns what is to be kept. Results come back in
    /// chunk order; where the chunks' borders fall depends on the thread count, so the caller
    /// merges them into something that does not (per-text results in order, sums).
    public func analyze<Chunk: Sendable>(
        _ texts: [String],
        chunk: @Sendable (Range<Int>, _ tokens: (Int) throws(TextAnalysisError) -> [Token]) throws(TextAnalysisError) -> Chunk
    ) throws(TextAnalysisError) -> (chunks: [Chunk], vocabulary: CorpusVocabulary) {
        let normalizer = Analyzer.germanNormalizer()
        var shards = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [Shard] in
            let session = try WordBreakSession()
            var shard = Shard(range: range, memo: WordFormMemo(filters: normalizer.filters, capacity: .max))
            shard.bounds.reserveCapacity(range.count + 1)
            shard.bounds.append(0)
            for index in range {
                let tokens = try normalizer.tokenizer.tokenize(texts[index], session: session)
                // Offsets are kept in 32 bits: a text longer than 4 GB is tokenised again instead.
                let fits = (tokens.last?.end ?? 0) <= Int(UInt32.max)
                var stretches: [WordFormMemo.Stretch] = []
                if fits, shard.memo.count(tokens, recordingSlotsIn: &shard.slots, stretches: &stretches) {
                    shard.starts.append(contentsOf: tokens.lazy.map { UInt32($0.start) })
                    if !stretches.isEmpty { shard.stretches[index] = stretches }
                } else {
                    if !fits { shard.memo.count(tokens) }
                    shard.whole.append(index)
                }
                shard.bounds.append(shard.slots.count)
            }
            return [shard]
        }
        var vocabulary = CorpusVocabulary()
        // The word forms of all chunks, each once, in order of their first chunk, with their
        // occurrences (which the vocabulary adds once per form, not once per chunk); each
        // shard's slots as ids of `forms`.
        var table = FormTable()
        var forms: [Token] = []
        var occurrences: [Int] = []
        for index in shards.indices {
            vocabulary.merge(shards[index].memo.takeCountsBesideForms())
            let memo = shards[index].memo
            var ids = [Int32](repeating: -1, count: memo.formCount)
            for slot in 0..<memo.formCount where memo.occurrences(inSlot: slot) > 0 {
                let token = memo.form(inSlot: slot)
                let (id, isNew) = table.add(token.surface, kind: token.kind)
                if isNew {
                    forms.append(token)
                    occurrences.append(0)
                }
                occurrences[id] += memo.occurrences(inSlot: slot)
                ids[slot] = Int32(id)
            }
            shards[index].formIDs = ids
        }
        table = FormTable()
        for id in forms.indices { vocabulary.add(forms[id], occurrences: occurrences[id]) }
        // The forms that occur more than once, and each form's index among them (or -1).
        let (frequent, frequentIndex) = { () -> ([Token], [Int32]) in
            var frequent: [Token] = []
            var index = [Int32](repeating: -1, count: forms.count)
            for id in forms.indices where occurrences[id] >= 2 {
                index[id] = Int32(frequent.count)
                frequent.append(forms[id])
            }
            return (frequent, index)
        }()
        (forms, occurrences) = ([], [])
        let enrichment = Analyzer(filters: Analyzer.germanEnrichment(resources: resources, vocabulary: vocabulary))
        // A normalised form, enriched on its own (what the whole chain gives its raw token).
        @Sendable func enrich(_ form: Token) -> Token {
            var one = [form]
            enrichment.apply(to: &one)
            return one[0]
        }
        let enriched = ParallelMap.map(count: frequent.count, threads: threads) { (range: Range<Int>) -> [Token] in
            range.map { enrich(frequent[$0]) }
        }
        let chain = Analyzer(tokenizer: normalizer.tokenizer, filters: normalizer.filters + enrichment.filters)
        // The chunks of both passes are the same (`ParallelMap` splits a count the same way);
        // each chunk of the second pass takes its shard out of the box, so that the shard's memo
        // goes as soon as its forms are enriched.
        let boxes = shards.map(ShardBox.init)
        shards = []
        let boxOfRange = Dictionary(boxes.map { ($0.range, $0) }, uniquingKeysWith: { first, _ in first })
        let chunks = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [Chunk] in
            var recorded = boxOfRange[range]?.take()
            // Each of the shard's forms, enriched: `enriched[code]` for a code ≥ 0, else
            // `own[-code - 1]` (enriched here).
            var codes: [Int32] = []
            var own: [Token] = []
            if let shard = recorded {
                codes.reserveCapacity(shard.memo.formCount)
                for slot in 0..<shard.memo.formCount {
                    let id = Int(shard.formIDs[slot])
                    if id >= 0, frequentIndex[id] >= 0 {
                        codes.append(frequentIndex[id])
                    } else {
                        own.append(enrich(shard.memo.form(inSlot: slot)))
                        codes.append(-Int32(own.count))
                    }
                }
                recorded?.memo = WordFormMemo(filters: [])
            }
            var session: WordBreakSession? = nil
            return [
                try chunk(range) { (index: Int) throws(TextAnalysisError) -> [Token] in
                    if let shard = recorded, let span = shard.span(of: index) {
                        var tokens: [Token] = []
                        tokens.reserveCapacity(span.count)
                        // A neighbourhood of suspended hyphens is enriched as a text of its own.
                        WordFormMemo.walk(shard.stretches[index] ?? [], count: span.count) { offset in
                            let position = span.lowerBound + offset
                            let code = Int(codes[Int(shard.slots[position])])
                            var token = code >= 0 ? enriched[code] : own[-code - 1]
                            token.start = Int(shard.starts[position])
                            token.end = token.start + token.surface.utf8.count
                            tokens.append(token)
                        } inside: { stretch in
                            var enrichedStretch = stretch.tokens
                            enrichment.apply(to: &enrichedStretch)
                            tokens.append(contentsOf: enrichedStretch)
                        }
                        return tokens
                    }
                    // A text not recorded: the whole chain, as the analyzer applies it.
                    if let session { return try chain.analyze(texts[index], session: session) }
                    let opened = try WordBreakSession()
                    session = opened
                    return try chain.analyze(texts[index], session: opened)
                }
            ]
        }
        return (chunks, vocabulary)
    }

    /// What the first pass keeps of a chunk: its memo of normalised forms, and each text's tokens
    /// as the memo's slots and the tokens' starts (8 bytes a token; the ends follow from the
    /// forms' surfaces), so that the second pass needs neither the tokenizer nor a lookup; the
    /// normalised tokens of the neighbourhoods of suspended hyphens beside them.
    private struct Shard: Sendable {
        let range: Range<Int>
        var memo: WordFormMemo
        /// Per slot of the memo: the form's id among the word forms of all chunks, or -1.
        var formIDs: [Int32] = []
        /// Per token of the recorded texts, in order: its form's slot and its start.
        var slots: [UInt32] = []
        var starts: [UInt32] = []
        /// Text `range.lowerBound + i` has the tokens `bounds[i] ..< bounds[i + 1]`.
        var bounds: [Int] = []
        /// The normalised neighbourhoods of suspended hyphens of recorded texts, by text, each
        /// `range` counted from the text's first token.
        var stretches: [Int: [WordFormMemo.Stretch]] = [:]
        /// Texts that were not recorded (longer than 4 GB), ascending: tokenised again.
        var whole: [Int] = []

        init(range: Range<Int>, memo: WordFormMemo) {
            self.range = range
            self.memo = memo
        }

        /// The positions of text `index`'s tokens in ``slots``, nil when it was not recorded.
        func span(of index: Int) -> Range<Int>? {
            guard range.contains(index), whole.sortedIndex(of: index) == nil else { return nil }
            let offset = index - range.lowerBound
            return bounds[offset]..<bounds[offset + 1]
        }
    }

    /// A chunk's shard, taken out once by the one chunk of the second pass that reads it.
    ///
    /// `@unchecked Sendable`: each box is taken by exactly one `concurrentPerform` iteration (the
    /// chunk of the same range), and was filled before the second pass began.
    private final class ShardBox: @unchecked Sendable {
        let range: Range<Int>
        private var shard: Shard?

        init(_ shard: Shard) {
            range = shard.range
            self.shard = shard
        }

        func take() -> Shard? {
            defer { shard = nil }
            return shard
        }
    }
}
