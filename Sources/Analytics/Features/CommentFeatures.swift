import TextAnalysis

/// What the analysis keeps of a text once its tokens are gone: everything the later steps
/// (assignment, duplicates, keywords, phrases, topics) read of them.
public struct CommentFeatures: Sendable {
    public var bag: TermBag
    /// ``keywordStems(_:)``.
    public var keywordStems: Set<String>
    /// ``DuplicateDetector/contentStems(_:)``.
    public var contentStems: Set<String>
    /// ``PhraseFinder/candidates(_:text:)``.
    public var phraseCandidates: [PhraseFinder.Candidate]

    /// The features of a comment's text.
    public init(tokens: [Token], text: String) {
        bag = TermBag(tokens: tokens)
        keywordStems = Analytics.keywordStems(tokens)
        contentStems = DuplicateDetector.contentStems(tokens)
        phraseCandidates = PhraseFinder.candidates(tokens, text: text)
    }

    /// The features of a measure's text: its terms only.
    public init(matchingTermsOf tokens: [Token]) {
        bag = TermBag(tokens: tokens)
        keywordStems = []
        contentStems = []
        phraseCandidates = []
    }
}

/// The features of every text of a corpus, analysed chunk by chunk (``CorpusAnalyzer/analyze(_:chunk:)``),
/// with the comments' spellings (``DisplayForms``) counted on the way.
public struct CorpusFeatures: Sendable {
    /// Per text, in order.
    public var texts: [CommentFeatures]
    /// Spellings over the first `comments` texts.
    public var display: DisplayForms

    /// Analyses `texts`, of which the first `comments` are comments (the rest measure texts,
    /// which only need their matching terms).
    public init(texts: [String], comments: Int, analyzer: CorpusAnalyzer) throws(TextAnalysisError) {
        let chunks = try analyzer.analyze(texts) {
            (range: Range<Int>, tokens: (Int) throws(TextAnalysisError) -> [Token]) throws(TextAnalysisError)
                -> (features: [CommentFeatures], display: DisplayForms) in
            var features: [CommentFeatures] = []
            features.reserveCapacity(range.count)
            var display = DisplayForms()
            for index in range {
                let analysed = try tokens(index)
                if index < comments {
                    features.append(CommentFeatures(tokens: analysed, text: texts[index]))
                    display.add(analysed, text: texts[index])
                } else {
                    features.append(CommentFeatures(matchingTermsOf: analysed))
                }
            }
            return (features, display)
        }.chunks
        var all: [CommentFeatures] = []
        all.reserveCapacity(texts.count)
        var display = DisplayForms()
        for chunk in chunks {
            all.append(contentsOf: chunk.features)
            display.merge(chunk.display)
        }
        self.texts = all
        self.display = display
    }
}
