import TextAnalysis

/// What the analysis keeps of a text once its tokens are gone: everything the later steps
/// (assignment, duplicates, keywords, phrases, topics) read of them.
public struct CommentFeatures: Sendable {
    public var terms: TextTerms
    /// ``keywordStems(_:)``.
    public var keywordStems: StemSet
    /// ``DuplicateDetector/contentStems(_:)``.
    public var contentStems: StemSet
    /// ``PhraseFinder/candidates(_:text:)``.
    public var phraseCandidates: [PhraseFinder.Candidate]

    /// The features of a comment's text.
    public init(tokens: [Token], text: String) {
        terms = TextTerms(tokens: tokens)
        keywordStems = Analytics.keywordStems(tokens)
        contentStems = DuplicateDetector.contentStems(tokens)
        phraseCandidates = PhraseFinder.candidates(tokens, text: text)
    }

    /// The features of a measure's text: its terms only.
    public init(matchingTermsOf tokens: [Token]) {
        terms = TextTerms(tokens: tokens)
        keywordStems = []
        contentStems = []
        phraseCandidates = []
    }
}

/// The features of every text of a corpus, analysed chunk by chunk (``CorpusAnalyzer/analyze(_:chunk:)``),
/// with the comments' spellings (``DisplayForms``) counted on the way.
///
/// Held column by column, so that a run can let go of each column once its last step has read
/// it (the stems for near-duplicates, the phrase candidates): at a million comments each is
/// worth a gigabyte or more.
public struct CorpusFeatures: Sendable {
    /// The matching terms of every text, in order, until the run numbers them (``TermVocabulary``).
    public var textTerms: [TextTerms]
    /// Per comment (the first `comments` texts), its ``CommentFeatures/keywordStems``.
    public var keywordStems: [StemSet]
    /// Per comment, its ``CommentFeatures/contentStems``.
    public var contentStems: [StemSet]
    /// Per comment, its ``CommentFeatures/phraseCandidates``.
    public var phraseCandidates: [[PhraseFinder.Candidate]]
    /// Spellings over the comments.
    public var display: DisplayForms

    /// Analyses `texts`, of which the first `comments` are comments (the rest measure texts,
    /// which only need their matching terms).
    public init(texts: [String], comments: Int, analyzer: CorpusAnalyzer) throws(TextAnalysisError) {
        let chunks = try analyzer.analyze(texts) {
            (
                range: Range<Int>, tokens: (Int) throws(TextAnalysisError) -> [Token]
            ) throws(TextAnalysisError)
                -> (features: [CommentFeatures], display: DisplayForms.Tally) in
            var features: [CommentFeatures] = []
            features.reserveCapacity(range.count)
            var display = DisplayForms.Tally()
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
        textTerms = []
        textTerms.reserveCapacity(texts.count)
        (keywordStems, contentStems, phraseCandidates) = ([], [], [])
        keywordStems.reserveCapacity(comments)
        contentStems.reserveCapacity(comments)
        phraseCandidates.reserveCapacity(comments)
        display = DisplayForms()
        for chunk in chunks {
            for features in chunk.features {
                textTerms.append(features.terms)
                guard keywordStems.count < comments else { continue }
                keywordStems.append(features.keywordStems)
                contentStems.append(features.contentStems)
                phraseCandidates.append(features.phraseCandidates)
            }
            display.add(chunk.display)
        }
    }
}
