/// What a token is, as far as the tokenizer can tell from its characters.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Letters, possibly with digits, hyphens or gender markers inside (`Bürger:innen`, `Tempo-30-Zone`).
    case word
    /// Digits with optional decimal or thousands separators (`27,9`, `1.000`, `2035`).
    case number
    /// A web address (`https://jena.de/x?y=1`, `www.jena.de`, `jena.de`).
    case url
    /// An e-mail address.
    case email
    /// An emoji, including ZWJ sequences, flags and keycaps.
    case emoji
    /// Any other symbol that is not punctuation (`€`, `%`, `&`, `§`).
    case other
}

/// A hyphen that stands for a word part written elsewhere (German *Ergänzungsstrich*).
public enum SuspendedHyphen: String, Sendable, Codable {
    /// `-gewinnung` in »Fachkräfteausbildung, -gewinnung«: the modifier comes from a word before.
    case leading
    /// `Innovations-` in »Innovations- und Digitalstandort«: the head comes from a word after.
    case trailing
}

/// One part of a compound word (`Fachkräftemangel` → `Fachkräfte`, `Mangel`).
public struct CompoundPart: Sendable, Equatable, Hashable {
    /// The part as written in the text, with the head capitalised like the whole word.
    public var display: String
    /// The part in the normalised form of ``Token/norm``.
    public var norm: String
    /// The part's matching key, like ``Token/stem``.
    public var stem: String

    public init(display: String, norm: String, stem: String = "") {
        self.display = display
        self.norm = norm
        self.stem = stem
    }
}

/// A token of the analysed text with its source range and the forms each analyzer stage derived.
///
/// The tokenizer fills `surface`, `start`, `end` and `kind` and sets `display` and `norm` to the
/// surface; the filters of ``Analyzer/german(resources:vocabulary:)`` then fill in the rest. No filter
/// changes `surface`, `start` or `end`.
public struct Token: Sendable, Equatable {
    /// The exact input text of the token: the UTF-8 bytes `start ..< end` of the input.
    public var surface: String
    /// Offset in bytes of the token's first byte in the UTF-8 input.
    public var start: Int
    /// Offset in bytes just past the token's last byte in the UTF-8 input.
    public var end: Int
    /// What the token is.
    public var kind: TokenKind
    /// How the token reads in a report: the surface, or the completed word for a suspended hyphen
    /// (`-gewinnung` → `Fachkräftegewinnung`); gender markers are kept as written.
    public var display: String
    /// The normalised form: gender forms folded onto the base word, hyphen ellipsis completed,
    /// NFKC and Unicode case folding applied (`Bürger:innen` → `bürger`, `Straße` → `strasse`).
    public var norm: String
    /// The matching key (CISTEM stem of the transliterated norm); equal keys mean "same word".
    public var stem: String
    /// True when the token is a stopword or an abbreviation; listed, not dropped.
    public var isStopword: Bool
    /// The parts of a compound, empty when the token is not one.
    public var parts: [CompoundPart]
    /// Set when the token is one half of a hyphen ellipsis.
    public var suspendedHyphen: SuspendedHyphen?
    /// True when a gender-inclusive form was folded onto its base word.
    public var foldedGenderForm: Bool

    public init(surface: String, start: Int, end: Int, kind: TokenKind) {
        self.surface = surface
        self.start = start
        self.end = end
        self.kind = kind
        self.display = surface
        self.norm = surface
        self.stem = ""
        self.isStopword = false
        self.parts = []
        self.suspendedHyphen = nil
        self.foldedGenderForm = false
    }

    /// True for a word that can carry meaning in a keyword list or a match: not a stopword and
    /// not a single letter.
    public var isContentWord: Bool {
        // At least two Characters: the first Character's end is not the norm's end (counting
        // every Character of a long word cost more than the rest of the test).
        kind == .word && !isStopword && !norm.isEmpty && norm.index(after: norm.startIndex) != norm.endIndex
    }
}
