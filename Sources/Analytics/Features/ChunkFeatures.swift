import TextAnalysis

/// The features of one chunk's comments (``CommentFeatures``), made from their word forms.
///
/// Rule: a text's matching terms, keyword stems and content stems are those ``CommentFeatures``
/// makes of its tokens (``TermCounts/init(tokens:)``, ``keywordStems(_:)``,
/// ``DuplicateDetector/contentStems(_:)``). Each is a function of the tokens' forms: every token
/// of a form (``AnalysedText/forms``) has the same stem, parts, kind and display. So what a form
/// adds is worked out once per chunk, its stems numbered in the chunk; a text's terms are then
/// gathered and counted as those numbers, and the chunk's strings are put in `String` order once
/// (``finish()``), not once per text. A text without form numbers (a suspended hyphen) is made
/// from its tokens. The features are exactly those ``CommentFeatures/init(tokens:text:)`` makes.
struct ChunkFeatures {
    /// What one form adds to a text: its matching terms as (chunk term, spelling), in the order
    /// ``TermCounts/init(tokens:)`` adds them, and its stem as a content and keyword stem.
    private struct Form {
        var terms: [(term: Int32, display: String)]
        /// The stem's chunk term when the form is a content word, else -1.
        var content: Int32
        var isKeyword: Bool
    }

    /// A text's features in chunk terms, until ``finish()`` puts them in `String` order.
    private struct Pending {
        var terms: [Int32] = []
        var counts: [Int32] = []
        var displays: [String] = []
        var content: [Int32] = []
        var keyword: [Int32] = []
        var phraseCandidates: [PhraseFinder.Candidate] = []
    }

    private enum Text {
        case made(CommentFeatures)
        case pending(Pending)
    }

    private var termOfString: [String: Int32] = [:]
    private var strings: [String] = []
    /// By form number; nil until the form's first token.
    private var forms: [Form?] = []
    /// Per chunk term, its position in the current text's ``Pending/terms`` plus one (0: absent).
    private var positionInText: [Int32] = []
    private var texts: [Text] = []

    init(capacity: Int) { texts.reserveCapacity(capacity) }

    /// Adds the next comment: its analysed tokens, their form numbers (nil: made from the tokens
    /// alone) and its text.
    mutating func add(_ tokens: [Token], forms numbers: [UInt32]?, text: String) {
        guard let numbers else {
            texts.append(.made(CommentFeatures(tokens: tokens, text: text)))
            return
        }
        var pending = Pending()
        for (token, number) in zip(tokens, numbers) {
            let form = self.form(Int(number), of: token)
            for (term, display) in form.terms {
                let position = Int(positionInText[Int(term)])
                if position > 0 {
                    pending.counts[position - 1] += 1
                } else {
                    pending.terms.append(term)
                    pending.counts.append(1)
                    pending.displays.append(display)
                    positionInText[Int(term)] = Int32(pending.terms.count)
                }
            }
            if form.content >= 0 {
                pending.content.append(form.content)
                if form.isKeyword { pending.keyword.append(form.content) }
            }
        }
        for term in pending.terms { positionInText[Int(term)] = 0 }
        pending.phraseCandidates = PhraseFinder.candidates(tokens, text: text)
        texts.append(.pending(pending))
    }

    /// The features of every comment added, in order.
    func finish() -> [CommentFeatures] {
        // Each chunk term's rank in `String` order: ordering by rank is ordering by string.
        var rank = [Int32](repeating: 0, count: strings.count)
        for (position, term) in strings.indices.sorted(by: { strings[$0] < strings[$1] }).enumerated() {
            rank[term] = Int32(position)
        }
        // `strings` by rank, so a rank reads its string directly.
        var byRank = strings
        for (term, position) in rank.enumerated() { byRank[Int(position)] = strings[term] }
        let ordered = byRank
        func stemsByRank(_ terms: [Int32]) -> StemSet {
            var ranks = terms.map { rank[Int($0)] }
            ranks.sort()
            var sorted: [String] = []
            sorted.reserveCapacity(ranks.count)
            for (index, value) in ranks.enumerated() where index == 0 || ranks[index - 1] != value {
                sorted.append(ordered[Int(value)])
            }
            return StemSet(sortedDistinct: sorted)
        }
        return texts.map { text in
            switch text {
            case .made(let features):
                return features
            case .pending(let pending):
                let order = pending.terms.indices.sorted { rank[Int(pending.terms[$0])] < rank[Int(pending.terms[$1])] }
                let counts = order.map { pending.counts[$0] }
                let terms = TextTerms(
                    sortedTerms: order.map { strings[Int(pending.terms[$0])] }, counts: counts,
                    displays: order.map { pending.displays[$0] }, length: counts.reduce(0) { $0 + Int($1) })
                return CommentFeatures(
                    terms: terms, keywordStems: stemsByRank(pending.keyword), contentStems: stemsByRank(pending.content),
                    phraseCandidates: pending.phraseCandidates)
            }
        }
    }

    /// The form numbered `number`, worked out from `token` (any of its tokens) the first time.
    private mutating func form(_ number: Int, of token: Token) -> Form {
        if number < forms.count, let known = forms[number] { return known }
        var terms: [(term: Int32, display: String)] = []
        if token.isContentWord {
            if !token.stem.isEmpty { terms.append((term(token.stem), token.display)) }
            for part in token.parts where part.norm.count >= 3 && part.stem != token.stem && !part.stem.isEmpty {
                terms.append((term(part.stem), part.display))
            }
        }
        let form = Form(
            terms: terms, content: token.isContentWord ? term(token.stem) : -1,
            isKeyword: token.isContentWord && KeywordHygiene.isKeywordCandidate(token))
        if number >= forms.count { forms.append(contentsOf: repeatElement(nil, count: number + 1 - forms.count)) }
        forms[number] = form
        return form
    }

    /// The chunk term of `string`, numbered when new.
    private mutating func term(_ string: String) -> Int32 {
        if let known = termOfString[string] { return known }
        let number = Int32(strings.count)
        termOfString[string] = number
        strings.append(string)
        positionInText.append(0)
        return number
    }
}
