import TextAnalysis

/// Runs the German analyzer over many texts in two parallel passes.
///
/// 1. Normalise every text (tokenizer, gender forms, case folding), one ICU session per chunk.
/// 2. Count the norms of all texts into one ``CorpusVocabulary``, shard by shard in text order.
/// 3. Enrich every text (feminine forms, stopwords, compounds, hyphen ellipsis, stems) with the
///    vocabulary as the corpus half of the lexicon.
/// The result is the same for any number of threads: work is split into contiguous chunks and
/// joined in text order, and the vocabulary is a sum. Each chunk of each pass keeps a
/// ``WordFormMemo``, so a word form goes through the filters once per chunk, not once per token.
///
/// ``analyze(_:)`` keeps every text's tokens; ``analyze(_:chunk:)`` hands each chunk's tokens to
/// the caller and keeps only what it makes of them. That one normalises every text twice (once
/// for the vocabulary, once to enrich) rather than holding all tokens between the passes: the
/// tokens of a million comments would take gigabytes.
public struct CorpusAnalyzer: Sendable {
    public let resources: AnalyzerResources
    public let threads: Int

    public init(resources: AnalyzerResources, threads: Int) {
        self.resources = resources
        self.threads = max(1, threads)
    }

    /// The analysed tokens of each text, in order, and the vocabulary they produced.
    public func analyze(_ texts: [String]) throws(TextAnalysisError) -> (tokens: [[Token]], vocabulary: CorpusVocabulary) {
        let normalizer = Analyzer.germanNormalizer()
        let normalized: [[Token]] = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [[Token]] in
            let session = try WordBreakSession()
            var memo = WordFormMemo(filters: normalizer.filters)
            var result: [[Token]] = []
            result.reserveCapacity(range.count)
            for index in range {
                var tokens = try normalizer.tokenizer.tokenize(texts[index], session: session)
                memo.apply(to: &tokens)
                result.append(tokens)
            }
            return result
        }
        let shards = ParallelMap.map(count: normalized.count, threads: threads) { (range: Range<Int>) -> [CorpusVocabulary] in
            var shard = CorpusVocabulary()
            for index in range { shard.add(normalized[index]) }
            return [shard]
        }
        var vocabulary = CorpusVocabulary()
        for shard in shards { vocabulary.merge(shard) }

        let enrichment = Analyzer(filters: Analyzer.germanEnrichment(resources: resources, vocabulary: vocabulary))
        let enriched = ParallelMap.map(count: normalized.count, threads: threads) { (range: Range<Int>) -> [[Token]] in
            var memo = WordFormMemo(filters: enrichment.filters)
            return range.map { index in
                var tokens = normalized[index]
                memo.apply(to: &tokens)
                return tokens
            }
        }
        return (enriched, vocabulary)
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
        let shards = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [CorpusVocabulary] in
            let session = try WordBreakSession()
            var memo = WordFormMemo(filters: normalizer.filters)
            for index in range { memo.count(try normalizer.tokenizer.tokenize(texts[index], session: session)) }
            return [memo.takeCounts()]
        }
        var vocabulary = CorpusVocabulary()
        for shard in shards { vocabulary.merge(shard) }
        let chain = normalizer.filters + Analyzer.germanEnrichment(resources: resources, vocabulary: vocabulary)
        let chunks = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [Chunk] in
            let session = try WordBreakSession()
            var memo = WordFormMemo(filters: chain)
            return [
                try chunk(range) { (index: Int) throws(TextAnalysisError) -> [Token] in
                    var tokens = try normalizer.tokenizer.tokenize(texts[index], session: session)
                    memo.apply(to: &tokens)
                    return tokens
                }
            ]
        }
        return (chunks, vocabulary)
    }
}
