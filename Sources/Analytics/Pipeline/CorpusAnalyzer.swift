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
/// ``analyze(_:chunk:)`` hands each chunk's tokens to the caller and keeps only what it makes of
/// them; ``analyze(_:)`` keeps them all. Every text is normalised twice (once for the
/// vocabulary, once to enrich) rather than holding all tokens between the passes: the tokens
/// of a million comments would take gigabytes. Between the passes, each word form that occurs
/// more than once is enriched once for the whole corpus, in parallel, and every chunk's memo
/// reads those first: a form is analysed once per corpus, not once per chunk (only forms of one
/// occurrence, and texts with a suspended hyphen, are analysed in the second pass). For that the
/// first pass keeps every distinct word form of its chunk until the passes meet: the number of
/// forms grows far more slowly than the corpus's length.
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
        let shards = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [WordFormMemo] in
            let session = try WordBreakSession()
            var memo = WordFormMemo(filters: normalizer.filters, capacity: .max)
            for index in range { memo.count(try normalizer.tokenizer.tokenize(texts[index], session: session)) }
            return [memo]
        }
        var vocabulary = CorpusVocabulary()
        // The forms that occur more than once, in order of their first chunk, each once.
        var occurrences: [WordForm: Int] = [:]
        var forms: [Token] = []
        for var shard in shards {
            vocabulary.merge(shard.takeCounts())
            for (token, count) in shard.forms() {
                let form = WordForm(token)
                if occurrences[form] == nil { forms.append(token) }
                occurrences[form, default: 0] += count
            }
        }
        let frequent = forms.filter { occurrences[WordForm($0)] ?? 0 >= 2 }
        (forms, occurrences) = ([], [:])
        let enrichment = Analyzer.germanEnrichment(resources: resources, vocabulary: vocabulary)
        let enriched = ParallelMap.map(count: frequent.count, threads: threads) { (range: Range<Int>) -> [Token] in
            range.map { index in
                var one = [frequent[index]]
                for filter in enrichment { filter.apply(to: &one) }
                return one[0]
            }
        }
        let known = Dictionary(uniqueKeysWithValues: enriched.map { (WordForm($0), $0) })
        let chain = normalizer.filters + enrichment
        let chunks = try ParallelMap.map(count: texts.count, threads: threads) {
            (range: Range<Int>) throws(TextAnalysisError) -> [Chunk] in
            let session = try WordBreakSession()
            var memo = WordFormMemo(filters: chain, known: known)
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
