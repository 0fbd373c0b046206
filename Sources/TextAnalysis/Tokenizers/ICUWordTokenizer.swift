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
    public func tokenize(
        _ text: String, session: WordBreakSession
    ) throws(TextAnalysisError)
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
    ///
    /// An address replaces every segment it overlaps; the parts of a segment before, between or
    /// after addresses become pieces of their own, classified by their characters (their ICU
    /// status belonged to the whole segment). A word piece with a full stop between letters is
    /// cut at the stop when one side has three letters or more: a missing space after a sentence
    /// (`Radwege.Die`), not an abbreviation (`z.B`, `u.a`).
    private func pieces(
        of bytes: UnsafeBufferPointer<UInt8>, session: WordBreakSession
    )
        throws(TextAnalysisError) -> [Piece]
    {
        let links = linkScanner.spans(in: bytes)
        let segments = try session.segments(of: bytes)
        var pieces: [Piece] = []
        pieces.reserveCapacity(segments.count)
        var linkIndex = 0
        var position = 0
        for segment in segments {
            var start = max(segment.start, position)
            var whole = true
            while start < segment.end {
                if linkIndex < links.count, links[linkIndex].start < segment.end {
                    let link = links[linkIndex]
                    if start < link.start {
                        appendPart(start: start, end: link.start, into: &pieces, bytes: bytes)
                    }
                    pieces.append(Piece(kind: link.kind == .email ? .email : .url, start: link.start, end: link.end))
                    position = link.end
                    start = link.end
                    linkIndex += 1
                    whole = false
                    continue
                }
                if whole {
                    appendPieces(start: start, end: segment.end, ruleStatus: segment.ruleStatus, into: &pieces, bytes: bytes)
                } else {
                    appendPart(start: start, end: segment.end, into: &pieces, bytes: bytes)
                }
                position = segment.end
                break
            }
        }
        return pieces
    }

    /// Appends the part of an ICU segment that an address cut off. The characters that join
    /// letters or digits only with a letter or digit on both sides (UAX #29 MidLetter, MidNumLet,
    /// MidNum, Single_Quote: `.` `:` `·` `'` `’` `,` `;` …) lose that side at the cut, so at the
    /// part's ends they become punctuation of their own, as ICU would have segmented them:
    /// `Expert·info@jena.de` gives `Expert`, `·`, the address. Combining marks and format
    /// characters at the start of a part belonged to the address's last character; each becomes
    /// a piece of its own rather than the start of the next word.
    private func appendPart(start: Int, end: Int, into pieces: inout [Piece], bytes: UnsafeBufferPointer<UInt8>) {
        let scalars = Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
        var leading = 0
        while leading < scalars.count, Self.midWordScalars.contains(scalars[leading]) || Self.isAttached(scalars[leading]) {
            leading += 1
        }
        var trailing = scalars.count
        while trailing > leading, Self.midWordScalars.contains(scalars[trailing - 1]) { trailing -= 1 }
        var offset = start
        func appendMarks(_ marks: ArraySlice<Unicode.Scalar>) {
            for mark in marks {
                let width = UTF8.width(mark)
                if Self.midWordScalars.contains(mark) {
                    pieces.append(Piece(kind: .punctuation, start: offset, end: offset + width, mark: mark))
                } else {
                    pieces.append(Piece.classify(start: offset, end: offset + width, ruleStatus: nil, in: bytes))
                }
                offset += width
            }
        }
        appendMarks(scalars[0..<leading])
        let middleWidth = scalars[leading..<trailing].reduce(0) { $0 + UTF8.width($1) }
        if middleWidth > 0 {
            appendPieces(start: offset, end: offset + middleWidth, ruleStatus: nil, into: &pieces, bytes: bytes)
            offset += middleWidth
        }
        appendMarks(scalars[trailing...])
    }

    /// A combining mark or format character: what UAX #29 attaches to the character before it.
    static func isAttached(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    /// UAX #29 word-break classes MidLetter, MidNumLet, MidNum and Single_Quote.
    static let midWordScalars: Set<Unicode.Scalar> = [
        "\u{27}", "\u{2C}", "\u{2E}", "\u{3A}", "\u{3B}", "\u{B7}", "\u{37E}", "\u{387}", "\u{55F}", "\u{589}",
        "\u{5F4}", "\u{60C}", "\u{60D}", "\u{66C}", "\u{7F8}", "\u{2018}", "\u{2019}", "\u{2024}", "\u{2027}",
        "\u{2044}", "\u{FE10}", "\u{FE13}", "\u{FE14}", "\u{FE50}", "\u{FE52}", "\u{FE54}", "\u{FE55}",
        "\u{FF07}", "\u{FF0C}", "\u{FF0E}", "\u{FF1A}", "\u{FF1B}",
    ]

    private func appendPieces(
        start: Int, end: Int, ruleStatus: Int?, into pieces: inout [Piece], bytes: UnsafeBufferPointer<UInt8>
    ) {
        let piece = Piece.classify(start: start, end: end, ruleStatus: ruleStatus, in: bytes)
        guard piece.kind == .word, let cuts = sentenceStops(in: piece, bytes: bytes) else {
            pieces.append(piece)
            return
        }
        var from = start
        for stop in cuts {
            if from < stop { pieces.append(Piece.classify(start: from, end: stop, ruleStatus: nil, in: bytes)) }
            pieces.append(Piece(kind: .punctuation, start: stop, end: stop + 1, mark: "."))
            from = stop + 1
        }
        if from < end { pieces.append(Piece.classify(start: from, end: end, ruleStatus: nil, in: bytes)) }
    }

    /// Offsets of full stops inside a word piece that end a sentence, or nil when there are none.
    private func sentenceStops(in piece: Piece, bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        let slice = bytes[piece.start..<piece.end]
        guard slice.contains(UInt8(ascii: ".")) else { return nil }
        let parts = slice.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let letterCounts = parts.map { String(decoding: $0, as: UTF8.self).filter(\.isLetter).count }
        guard letterCounts.contains(where: { $0 >= 3 }) else { return nil }
        var stops: [Int] = []
        var offset = piece.start
        for part in parts.dropLast() {
            offset += part.count
            stops.append(offset)
            offset += 1
        }
        return stops
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

    /// An ICU-like status for a part of a segment: ICU's status comes from the rule that ended
    /// the segment, so a run of letters and digits is a word (200) when its last letter-or-digit
    /// is a letter (`1a`) and a number (100) when it is a digit (`Radwege1`); anything else 0.
    static func status(of scalars: String.UnicodeScalarView) -> Int {
        guard let last = scalars.last(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            return 0
        }
        return last.properties.isAlphabetic ? 200 : 100
    }

    /// Classifies bytes `start..<end`; `ruleStatus` is ICU's status of a whole segment, or nil
    /// for a part of one, which is then classified by its characters alone.
    static func classify(
        start: Int, end: Int, ruleStatus: Int?, in bytes: UnsafeBufferPointer<UInt8>
    )
        -> Piece
    {
        // Most pieces are words; ICU's status says so without decoding the bytes.
        if let ruleStatus, ruleStatus >= 200 { return Piece(kind: .word, start: start, end: end) }
        if let piece = classifyASCII(start: start, end: end, ruleStatus: ruleStatus, in: bytes) { return piece }
        let scalars = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars
        // A keycap (`1️⃣`, bases 0-9 # *) is a number to ICU but an emoji to a reader.
        if scalars.contains(where: { $0.value == 0x20E3 }) { return Piece(kind: .emoji, start: start, end: end) }
        let status = ruleStatus ?? Self.status(of: scalars)
        if status >= 200 { return Piece(kind: .word, start: start, end: end) }
        if status >= 100 { return Piece(kind: .number, start: start, end: end) }
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

    /// What ``classify(start:end:ruleStatus:in:)`` decides for the common all-ASCII piece
    /// (spaces, punctuation), read from ``asciiClasses`` instead of decoding; nil when the piece
    /// has a non-ASCII byte.
    private static func classifyASCII(
        start: Int, end: Int, ruleStatus: Int?, in bytes: UnsafeBufferPointer<UInt8>
    )
        -> Piece?
    {
        var union: ASCIIClass = []
        var lastLetterOrDigit: ASCIIClass = []
        var allSpace = true
        var punctuation = true
        for offset in start..<end {
            let byte = bytes[offset]
            guard byte < 0x80 else { return nil }
            let asciiClass = asciiClasses[Int(byte)]
            union.formUnion(asciiClass)
            if !asciiClass.isDisjoint(with: [.alphabetic, .numeric]) { lastLetterOrDigit = asciiClass }
            if asciiClass.contains(.spaceLike) {
                punctuation = false
            } else if asciiClass.contains(.punctuation) {
                allSpace = false
            } else {
                allSpace = false
                punctuation = false
            }
        }
        // No ASCII character has emoji presentation today; should Unicode change that, the
        // general path decides.
        if union.contains(.emojiPresentation) { return nil }
        // As status(of:): the last letter or digit decides.
        let status =
            ruleStatus ?? (lastLetterOrDigit.contains(.alphabetic) ? 200 : lastLetterOrDigit.contains(.numeric) ? 100 : 0)
        if status >= 200 { return Piece(kind: .word, start: start, end: end) }
        if status >= 100 { return Piece(kind: .number, start: start, end: end) }
        if allSpace { return Piece(kind: .space, start: start, end: end) }
        if punctuation {
            let mark = end - start == 1 ? Unicode.Scalar(bytes[start]) : nil
            if let mark, Self.symbolLikePunctuation.contains(mark) {
                return Piece(kind: .symbol, start: start, end: end)
            }
            return Piece(kind: .punctuation, start: start, end: end, mark: mark)
        }
        return Piece(kind: .symbol, start: start, end: end)
    }

    /// The Unicode properties ``classify(start:end:ruleStatus:in:)`` looks at, per ASCII byte.
    struct ASCIIClass: OptionSet {
        let rawValue: UInt8
        static let alphabetic = ASCIIClass(rawValue: 1)
        static let numeric = ASCIIClass(rawValue: 2)
        /// Space, line or paragraph separator, control or format character.
        static let spaceLike = ASCIIClass(rawValue: 4)
        /// Any punctuation category.
        static let punctuation = ASCIIClass(rawValue: 8)
        static let emojiPresentation = ASCIIClass(rawValue: 16)
    }

    /// Taken from the scalar properties themselves, so the table cannot disagree with them.
    static let asciiClasses: [ASCIIClass] = (0..<128).map { value in
        let properties = Unicode.Scalar(UInt8(value)).properties
        var asciiClass: ASCIIClass = []
        if properties.isAlphabetic { asciiClass.insert(.alphabetic) }
        if properties.numericType != nil { asciiClass.insert(.numeric) }
        if properties.isEmojiPresentation { asciiClass.insert(.emojiPresentation) }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format:
            asciiClass.insert(.spaceLike)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            asciiClass.insert(.punctuation)
        default:
            break
        }
        return asciiClass
    }
}
