import TextAnalysis

/// Runs the German analyzer over many texts in two parallel passes.
///
/// 1. Normalise every text (tokenizer, gender forms, case folding), one ICU session per chunk.
/// 2. Count the norms of all texts into one ``CorpusVocabulary``, shard by shard in text order.
/// 3. Enrich every text (feminine forms, stopwords, compounds, hyphen ellipsis, stems) with the
///    vocabulary as the corpus half of the lexicon.
/// The result is the same for any number of threads: work is split into contiguous chunks and
/// joined in text order, and the vocabulary is a sum.
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
            var result: [[Token]] = []
            result.reserveCapacity(range.count)
            for index in range {
                result.append(try normalizer.analyze(texts[index], session: session))
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
            range.map { index in
                var tokens = normalized[index]
                enrichment.apply(to: &tokens)
                return tokens
            }
        }
        return (enriched, vocabulary)
    }
}
