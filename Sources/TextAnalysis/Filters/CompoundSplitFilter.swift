/// Fills `parts` of compound words; the whole word stays (Lucene keeps the original too).
///
/// Rules, for word tokens that are not stopwords:
/// - **hyphenated** (`Tempo-30-Zone`): every word of it, so that it meets each one written alone:
///   the modifier group before the last hyphen, then each piece of three or more characters with
///   a letter (``hyphenParts(display:norm:)``): `Tempo-30` + `Tempo` + `Zone`, `E-Mail` + `Mail` +
///   `Adresse`, `E-Mobilität` → `Mobilität`, `Bus-Weg` → `Bus` + `Weg`; `Start-ups` and `Know-how`
///   are not split, so no one-letter part or fragment appears;
/// - **closed** (`Fachkräftemangel`): the parts ``CompoundSplitter`` finds on `norm`, for words
///   the corpus mostly writes with a capital letter (``CorpusVocabulary/isMostlyCapitalized(_:)``):
///   the compounds that matter are nouns, and an adjective that happens to be two nouns in a row
///   (`digitale` = `Digit` + `Ale`) must stay whole. A noun typed in lower case by someone who
///   writes everything so is still split when others capitalise it.
/// Each part's `display` is the stretch of the token as written (the head capitalised like the
/// whole word); its `norm` is the matching stretch of `norm`.
public struct CompoundSplitFilter: TokenFilter {
    public let splitter: CompoundSplitter

    public init(splitter: CompoundSplitter) {
        self.splitter = splitter
    }

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices
        where tokens[index].kind == .word && !tokens[index].isStopword && tokens[index].suspendedHyphen == nil {
            tokens[index].parts = parts(of: tokens[index])
        }
    }

    func parts(of token: Token) -> [CompoundPart] {
        if token.norm.utf8.contains(UInt8(ascii: "-")) {
            return Self.hyphenParts(display: token.display, norm: token.norm)
        }
        guard splitter.lexicon.vocabulary.isMostlyCapitalized(token.norm),
            let ranges = splitter.split(token.norm)
        else { return [] }
        return Self.parts(ranges, of: token.norm, display: token.display)
    }

    /// The parts of a hyphenated word, so that it matches each of its words: the modifier group
    /// before the last hyphen (when it has several pieces: `Tempo-30`), then every piece of at
    /// least three characters with a letter, left to right and each once, the head last. The
    /// word is split only when its head is a word: at least four letters, or three beginning with
    /// a capital (`Bus-Weg`); so `Know-how` and `Start-ups` stay whole.
    static func hyphenParts(display: String, norm: String) -> [CompoundPart] {
        let isHyphen: (Character) -> Bool = { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }
        let normPieces = norm.split(separator: "-", omittingEmptySubsequences: false)
        let displayPieces = display.split(omittingEmptySubsequences: false, whereSeparator: isHyphen)
        guard normPieces.count >= 2, normPieces.count == displayPieces.count,
            let normHead = normPieces.last, let displayHead = displayPieces.last, normHead.allSatisfy(\.isLetter),
            normHead.count >= 4 || (normHead.count == 3 && displayHead.first?.isUppercase == true)
        else { return [] }
        var parts: [CompoundPart] = []
        func add(display: Substring, norm: Substring) {
            guard norm.count >= 3, norm.contains(where: \.isLetter), !parts.contains(where: { $0.norm == norm }) else { return }
            parts.append(CompoundPart(display: String(display), norm: String(norm)))
        }
        if normPieces.count > 2, let normHyphen = norm.lastIndex(of: "-"), let displayHyphen = display.lastIndex(where: isHyphen)
        {
            add(display: display[..<displayHyphen], norm: norm[..<normHyphen])
        }
        for (displayPiece, normPiece) in zip(displayPieces, normPieces) { add(display: displayPiece, norm: normPiece) }
        return parts
    }

    /// Parts for scalar ranges of `norm`, with displays taken from `display` where the two align.
    static func parts(_ ranges: [Range<Int>], of norm: String, display: String) -> [CompoundPart] {
        let normScalars = Array(norm.unicodeScalars)
        let alignment = DisplayAlignment(display: display, norm: norm)
        let capitalised = display.first?.isUppercase ?? false
        return ranges.enumerated().map { offset, range in
            var partNorm = String.UnicodeScalarView()
            partNorm.append(contentsOf: normScalars[range])
            let normText = String(partNorm)
            var shown = alignment?.display(ofNormScalars: range) ?? normText
            if offset > 0 && capitalised, let first = shown.first, first.isLowercase {
                shown = first.uppercased() + shown.dropFirst()
            } else if offset == 0 && capitalised, alignment == nil, let first = shown.first {
                shown = first.uppercased() + shown.dropFirst()
            }
            return CompoundPart(display: shown, norm: normText)
        }
    }
}

/// Maps positions in `norm` back to `display` when `norm` is the character-wise case folding of
/// `display` (true for closed compounds: `Straßenbahnhaltestelle` ↔ `strassenbahnhaltestelle`).
struct DisplayAlignment {
    private let displayCharacters: [Character]
    /// For each display character, the scalar offset in norm where its folding starts.
    private let normOffsets: [Int]

    init?(display: String, norm: String) {
        var characters: [Character] = []
        var offsets: [Int] = []
        var folded = String.UnicodeScalarView()
        for character in display {
            characters.append(character)
            offsets.append(folded.count)
            folded.append(contentsOf: CaseFoldingFilter.fold(String(character)).unicodeScalars)
        }
        guard String(folded) == norm else { return nil }
        offsets.append(folded.count)
        displayCharacters = characters
        normOffsets = offsets
    }

    /// The display characters whose foldings cover `range` exactly, or nil when a boundary falls
    /// inside one character's folding (`ß` → `ss` split between the two s).
    func display(ofNormScalars range: Range<Int>) -> String? {
        guard let first = normOffsets.firstIndex(of: range.lowerBound),
            let last = normOffsets.firstIndex(of: range.upperBound), first < last
        else { return nil }
        return String(displayCharacters[first..<last])
    }
}
