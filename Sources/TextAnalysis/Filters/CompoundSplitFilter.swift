/// Fills `parts` of compound words; the whole word stays (Lucene keeps the original too).
///
/// Rules, for word tokens that are not stopwords:
/// - **hyphenated** (`Start-up-Kultur`): split at the last hyphen into modifier and head when the
///   head has at least four letters and the modifier at least three characters including a
///   letter: `Start-up` + `Kultur`, `E-Mail` + `Adresse`, `Tempo-30` + `Zone`; `E-Mail`,
///   `Start-ups` and `Know-how` are not split, so no one-letter part or fragment appears;
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

    /// Modifier and head of a hyphenated word, split at its last hyphen.
    static func hyphenParts(display: String, norm: String) -> [CompoundPart] {
        guard let normHyphen = norm.lastIndex(of: "-"),
            let displayHyphen = display.lastIndex(where: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" })
        else { return [] }
        let normModifier = String(norm[..<normHyphen])
        let normHead = String(norm[norm.index(after: normHyphen)...])
        guard normHead.count >= 4, normHead.allSatisfy(\.isLetter),
            normModifier.count >= 3, normModifier.contains(where: \.isLetter)
        else { return [] }
        return [
            CompoundPart(display: String(display[..<displayHyphen]), norm: normModifier),
            CompoundPart(display: String(display[display.index(after: displayHyphen)...]), norm: normHead),
        ]
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
