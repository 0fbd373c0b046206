import PropertyBased

/// Generators of text that tries to break an analyzer or a reader: German words and the forms the
/// analyzer treats specially (gender forms, compounds, hyphens, abbreviations, numbers, addresses),
/// mixed with combining marks, right-to-left scripts, emoji ZWJ sequences, invisible and control
/// characters, and any Unicode scalar at all.
public enum HostileText {
    /// Words and forms of German consultation text, and forms the tokenizer joins or splits.
    public static let words = [
        "Radweg", "Radwege", "Bürger:innen", "Bürger*innen", "BürgerInnen", "Bürger(innen)", "Bürger/-innen",
        "Bürger_innen", "Expert·innen", "Straße", "STRASSE", "Fachkräftemangel", "Fachkräfteausbildung",
        "-gewinnung", "Innovations-", "Start-up-Kultur", "Tempo-30-Zone", "z. B.", "u. a.", "27,9", "1.000",
        "2026-11-16", "https://jena.de/strategie?x=1&y=%C3%A4", "www.jena.de", "info@jena.de", "jena.de",
        "Ärzt:innen", "ﬁnden", "Ｊｅｎａ", "İstanbul", "ǰ", "ΣΑΣ", "Maß", "ẞ", "Glasfaserausbau", "Digitalisierung",
        "die", "und", "nicht", "Wissenschaft", "Stadtwerke", "Bahnhof", "Termin", "Ärztin", "Radwege.Die",
    ]

    /// Whatever may stand between words.
    public static let separators = [
        " ", "  ", ". ", ", ", "; ", "! ", "? ", "-", "–", "—", "…", "...", "\n", "\r\n", "\r", "\t", ":", "*", "/",
        "(", ")", "\"", "„", "“", "'", "’", "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{0085}",
    ]

    /// Grapheme clusters and scripts beyond German: emoji sequences, combining marks, right to
    /// left, bidi controls, a byte-order mark, the replacement character, controls, math letters.
    public static let clusters = [
        "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇩🇪", "❤️", "#️⃣", "e\u{301}", "a\u{308}", "u\u{308}\u{308}\u{323}",
        "\u{301}", "שלום", "مرحبا بالعالم", "\u{202E}gnaL\u{202C}", "\u{200F}", "\u{200E}", "\u{2066}x\u{2069}",
        "\u{FEFF}", "\u{FFFD}", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{9F}", "𝔅𝔲𝔯𝔤𝔢𝔯", "ᴮᵘʳᵍᵉʳ",
        "\u{1F600}", "漢字", "カタカナ", "ﷺ", "\u{E000}", "\u{10FFFD}", "Z\u{0351}\u{0352}\u{0353}\u{0354}a\u{0360}",
    ]

    /// One piece of text: mostly words and separators, often a cluster, sometimes any scalar.
    public static var piece: Generator<String, AnySequence<(index: Int, value: Any)>> {
        Gen.frequency(
            (6, Gen<String?>.element(of: words).map { $0 ?? "" }),
            (5, Gen<String?>.element(of: separators).map { $0 ?? "" }),
            (2, Gen<String?>.element(of: clusters).map { $0 ?? "" }),
            (1, Gen<UInt32>.value(in: 0x300...0x36F).map { String(Unicode.Scalar($0) ?? "\u{FFFD}") }),
            (1, Gen<UInt32>.value(in: 0...0x10FFFF).map { String(Unicode.Scalar($0) ?? "\u{FFFD}") }))
    }

    /// Texts of up to `pieces` pieces.
    public static func text(pieces: ClosedRange<Int> = 0...60) -> Generator<String, AnySequence<Any>> {
        piece.array(of: pieces).map { $0.joined() }.eraseToAny()
    }

    /// Texts that read like consultation comments: German words with a little of everything else.
    public static func comment(words count: ClosedRange<Int> = 3...40) -> Generator<String, AnySequence<Any>> {
        Gen.frequency(
            (12, Gen<String?>.element(of: words).map { ($0 ?? "") + " " }),
            (2, Gen<String?>.element(of: separators).map { $0 ?? "" }),
            (1, Gen<String?>.element(of: clusters).map { $0 ?? "" })
        ).array(of: count).map { $0.joined() }.eraseToAny()
    }
}
