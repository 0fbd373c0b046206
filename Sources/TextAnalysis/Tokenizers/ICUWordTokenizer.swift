/// Splits text into tokens at ICU word boundaries, keeping German word forms together.
///
/// Steps, in order:
/// 1. ``LinkScanner`` claims web and e-mail addresses, which become one token each.
/// 2. ICU's word-break iterator (`UBRK_WORD`, locale `de`, system libicu through `CICUShim`)
///    segments the rest; a segment is a word (rule status 200–499), a number (100–199), an emoji,
///    a symbol, punctuation or space.
/// 3. ``SegmentJoiner`` joins what ICU splits but a German reader sees as one word: gender forms
///    (`Bürger:innen`, `Bürger*innen`, `Bürger/-innen`, `Bürger(innen)`), hyphenated compounds
///    (`Start-up-Kultur`, `Tempo-30-Zone`), suspended hyphens (`-gewinnung`, `Innovations-`) and
///    abbreviations of single letters (`z. B.`, `u. a.`).
/// Spaces and punctuation are not tokens. Offsets are UTF-8 byte offsets into the input.
public struct ICUWordTokenizer: Sendable {
    private let linkScanner = LinkScanner()
    private let joiner = SegmentJoiner()

    public init() {}

    /// Tokenizes `text` with a session the caller keeps for the next text.
    public func tokenize(_ text: String, session: WordBreakSession) throws(TextAnalysisError)
        -> [Token]
    {
        var text = text
        // `withUTF8` rethrows untyped errors, so the typed error travels out in a Result.
        let result = text.withUTF8 { bytes -> Result<[Token], TextAnalysisError> in
            Result { () throws(TextAnalysisError) in
                joiner.join(try self.pieces(of: bytes, session: session), in: bytes)
            }
        }
        return try result.get()
    }

    /// Tokenizes `text` with a session opened for this call only.
    public func tokenize(_ text: String) throws(TextAnalysisError) -> [Token] {
        try tokenize(text, session: WordBreakSession())
    }

    /// ICU segments with addresses merged in, each classified.
    private func pieces(of bytes: UnsafeBufferPointer<UInt8>, session: WordBreakSession)
        throws(TextAnalysisError) -> [Piece]
    {
        let links = linkScanner.spans(in: bytes)
        let segments = try session.segments(of: bytes)
        var pieces: [Piece] = []
        pieces.reserveCapacity(segments.count)
        var linkIndex = 0
        var segmentIndex = 0
        while segmentIndex < segments.count {
            let segment = segments[segmentIndex]
            if linkIndex < links.count && segment.end > links[linkIndex].start {
                let link = links[linkIndex]
                if segment.start < link.start {
                    // A segment that straddles the address start keeps only its part before it.
                    pieces.append(Piece.classify(start: segment.start, end: link.start, ruleStatus: segment.ruleStatus, in: bytes))
                }
                pieces.append(Piece(kind: link.kind == .email ? .email : .url, start: link.start, end: link.end))
                while segmentIndex < segments.count && segments[segmentIndex].end <= link.end {
                    segmentIndex += 1
                }
                if segmentIndex < segments.count && segments[segmentIndex].start < link.end {
                    let rest = segments[segmentIndex]
                    pieces.append(Piece.classify(start: link.end, end: rest.end, ruleStatus: rest.ruleStatus, in: bytes))
                    segmentIndex += 1
                }
                linkIndex += 1
                continue
            }
            pieces.append(Piece.classify(start: segment.start, end: segment.end, ruleStatus: segment.ruleStatus, in: bytes))
            segmentIndex += 1
        }
        return pieces
    }
}

/// A classified stretch of the input between two boundaries.
struct Piece: Equatable {
    enum Kind: Equatable {
        case space, punctuation, symbol, emoji, word, number, url, email
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// The character of a one-character punctuation piece (`-`, `:`, `*`, `/`, `(`, `.` …).
    var mark: Unicode.Scalar? = nil

    static let symbolLikePunctuation: Set<Unicode.Scalar> = ["%", "‰", "§", "&", "#", "@", "†"]

    static func classify(start: Int, end: Int, ruleStatus: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> Piece
    {
        if ruleStatus >= 200 { return Piece(kind: .word, start: start, end: end) }
        if ruleStatus >= 100 { return Piece(kind: .number, start: start, end: end) }
        let scalars = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars
        var sawVariationSelector = false
        var sawEmojiCandidate = false
        var sawTextSymbol = false
        var allSpace = true
        var punctuation = true
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isEmojiPresentation { return Piece(kind: .emoji, start: start, end: end) }
            if scalar.value == 0xFE0F { sawVariationSelector = true }
            // Text-style symbols below U+2600 (©, ®, ™, arrows) count as emoji only with VS16.
            if properties.isEmoji && scalar.value >= 0x80 {
                if scalar.value >= 0x2600 { sawEmojiCandidate = true } else { sawTextSymbol = true }
            }
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
                punctuation = false
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                allSpace = false
            default:
                allSpace = false
                punctuation = false
            }
        }
        if (sawEmojiCandidate || sawTextSymbol) && sawVariationSelector
            || sawEmojiCandidate && scalars.count == 1
        {
            return Piece(kind: .emoji, start: start, end: end)
        }
        if allSpace { return Piece(kind: .space, start: start, end: end) }
        if punctuation {
            let mark = scalars.count == 1 ? scalars.first : nil
            // Punctuation by Unicode category, but a symbol to a reader: `30 %`, `§ 5`, `A & B`.
            if let mark, Self.symbolLikePunctuation.contains(mark) {
                return Piece(kind: .symbol, start: start, end: end)
            }
            return Piece(kind: .punctuation, start: start, end: end, mark: mark)
        }
        return Piece(kind: .symbol, start: start, end: end)
    }
}
