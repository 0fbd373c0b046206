extension Analyzer {
    /// The German analyzer chain, written once, in order:
    ///
    /// 1. ``ICUWordTokenizer``: ICU word boundaries; addresses, gender forms, hyphenated words,
    ///    suspended hyphens and letter abbreviations kept whole;
    /// 2. ``GenderFormFilter``: `Bürger:innen`, `BürgerInnen`, `Bürger(innen)` → `Bürger`;
    /// 3. ``CaseFoldingFilter``: NFKC and full case folding (`Straße` → `strasse`);
    /// 4. ``FeminineSuffixFilter``: `bürgerinnen` → `bürger` when `bürger` is a known word;
    /// 5. ``StopwordFilter``: marks stopwords and abbreviations;
    /// 6. ``CompoundSplitFilter``: `fachkräftemangel` → `fachkräfte` + `mangel`;
    /// 7. ``HyphenEllipsisFilter``: `-gewinnung` after `Fachkräfteausbildung` →
    ///    `Fachkräftegewinnung`;
    /// 8. ``StemFilter``: CISTEM matching keys for tokens and parts (nouns of the lexicon that
    ///    begin with `ge` keep it).
    ///
    /// Steps 1–3 (``germanNormalizer()``) depend on nothing but the text; steps 4–8
    /// (``germanEnrichment(resources:vocabulary:)``) also use what the corpus says about words, so
    /// a corpus run normalises every comment first, counts the norms into a ``CorpusVocabulary``,
    /// then enriches.
    public static func german(resources: AnalyzerResources, vocabulary: CorpusVocabulary) -> Analyzer {
        Analyzer(filters: germanNormalizer().filters + germanEnrichment(resources: resources, vocabulary: vocabulary))
    }

    /// Steps 1–3 of ``german(resources:vocabulary:)``: tokenizer, gender forms, case folding.
    public static func germanNormalizer() -> Analyzer {
        Analyzer(filters: [GenderFormFilter(), CaseFoldingFilter()])
    }

    /// Steps 4–8 of ``german(resources:vocabulary:)``, for tokens the normalizer produced.
    public static func germanEnrichment(
        resources: AnalyzerResources, vocabulary: CorpusVocabulary
    )
        -> [any TokenFilter]
    {
        let lexicon = Lexicon(words: resources.lexiconWords, vocabulary: vocabulary)
        let splitter = CompoundSplitter(
            lexicon: lexicon, stopwords: resources.stopwords, exceptions: resources.compoundExceptions,
            blockedHeads: resources.blockedHeads)
        return [
            FeminineSuffixFilter(lexicon: lexicon, exceptions: resources.feminineExceptions),
            StopwordFilter(stopwords: resources.stopwords, abbreviations: resources.abbreviations),
            CompoundSplitFilter(splitter: splitter),
            HyphenEllipsisFilter(splitter: splitter),
            StemFilter(nounsWithGe: StemFilter.nouns(beginningWithGe: resources.lexiconWords)),
        ]
    }

    /// Analyses one text on its own, its own words serving as the corpus vocabulary (what
    /// `resonanz tokenize` shows).
    public static func analyzeGerman(
        _ text: String, resources: AnalyzerResources
    )
        throws(TextAnalysisError) -> [Token]
    {
        var tokens = try germanNormalizer().analyze(text, session: WordBreakSession())
        var vocabulary = CorpusVocabulary()
        vocabulary.add(tokens)
        Analyzer(filters: germanEnrichment(resources: resources, vocabulary: vocabulary)).apply(to: &tokens)
        return tokens
    }
}
