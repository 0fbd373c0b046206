import CICUShim

/// Applies Unicode NFKC normalisation and full case folding to `norm`.
///
/// Rules (ICU's NFKC_Casefold, then one addition):
/// - compatibility forms become their plain equivalents (`ﬁ` → `fi`, full-width `Ｊ` → `j`,
///   superscript `²` → `2`), and composed and decomposed umlauts become the same composed letter;
/// - every letter is case-folded, including `ß` → `ss` and `ẞ` → `ss`, so `Straße`, `Strasse`
///   and `STRASSE` all become `strasse`; umlauts stay (`Bürger` → `bürger`);
/// - default-ignorable code points (soft hyphen, zero-width joiner) are removed;
/// - the typographic apostrophe `’` becomes `'`, and the hyphens U+2010 and U+2011 become `-`, so
///   `Start‑up‑Kultur` meets `Start-up-Kultur`.
/// Runs after ``GenderFormFilter``, which needs the original capitals. Text of ASCII, the
/// Latin-1 letters, German punctuation and emoji alone (most German words and comments) is
/// folded by a table of exactly these rules (``foldByTable(_:)``), the rest by ICU.
public struct CaseFoldingFilter: TokenFilter {
    public init() {}

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind != .emoji {
            tokens[index].norm = Self.fold(tokens[index].norm)
        }
    }

    /// NFKC_Casefold of `text`, with `’` → `'`.
    public static func fold(_ text: String) -> String {
        foldByTable(text) ?? foldWithICU(text)
    }

    /// ``fold(_:)`` through ICU, for any text.
    static func foldWithICU(_ text: String) -> String {
        let source = Array(text.utf16)
        var capacity = source.count + 8
        while true {
            var destination = [UInt16](repeating: 0, count: capacity)
            var error: Int32 = 0
            let length = rz_nfkc_casefold(
                source, Int32(source.count), &destination, Int32(capacity), &error)
            if length < 0 {
                // ICU's normaliser data ships with libicu; failing here means a broken install.
                preconditionFailure("ICU NFKC_Casefold failed with error \(error)")
            }
            if Int(length) <= capacity {
                let result = destination[0..<Int(length)]
                // Only text holding one of the three code points needs the character-wise pass.
                if !result.contains(where: { $0 == 0x2019 || $0 == 0x2010 || $0 == 0x2011 }) {
                    return String(decoding: result, as: UTF16.self)
                }
                let folded = String(decoding: result, as: UTF16.self)
                return folded.contains(where: { $0 == "’" || $0 == "\u{2010}" || $0 == "\u{2011}" })
                    ? String(folded.map { $0 == "’" ? "'" : ($0 == "\u{2010}" || $0 == "\u{2011}") ? "-" : $0 }) : folded
            }
            capacity = Int(length)
        }
    }

    /// NFKC_Casefold (with the three additions of ``fold(_:)``) of text whose code points are all
    /// in the table of ``tableStep(_:)``, or nil for any other text.
    ///
    /// On these code points NFKC changes nothing but what the table says (none has a
    /// compatibility decomposition, none combines with a neighbour: a text with a combining mark
    /// goes to ICU), so each is folded on its own; `CaseFoldingFilterTests` checks every one of
    /// them against ICU, alone and beside letters. Text that the table leaves as it is comes back
    /// without a copy.
    static func foldByTable(_ text: String) -> String? {
        var changes = false
        for scalar in text.unicodeScalars {
            switch tableStep(scalar.value) {
            case nil: return nil
            case .keep: continue
            default: changes = true
            }
        }
        guard changes else { return text }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count + 4)
        for scalar in text.unicodeScalars {
            switch tableStep(scalar.value) {
            case .keep?: folded.append(contentsOf: scalar.utf8)
            case .shift?: folded.append(contentsOf: (Unicode.Scalar(scalar.value + 0x20) ?? scalar).utf8)
            case .sharpS?: folded.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            case .ascii(let byte)?: folded.append(byte)
            case .drop?, nil: break
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// What the table does to one code point (`CaseFoldingFilterTests` checks each against ICU).
    enum TableStep: Equatable {
        /// Stays as it is.
        case keep
        /// Becomes the code point 0x20 above it (`A`–`Z` → `a`–`z`, `À`–`Þ` except `×` → `à`–`þ`).
        case shift
        /// `ß` → `ss`.
        case sharpS
        /// Becomes one ASCII character (`’` → `'`, U+2010 and U+2011 → `-`).
        case ascii(UInt8)
        /// Is removed (a default-ignorable code point: soft hyphen, zero-width space, joiner and
        /// non-joiner, the variation selectors of emoji).
        case drop
    }

    /// The table's step for code point `value`, or nil when it is not in the table: ASCII, the
    /// Latin-1 letters and the signs German text uses (§ « ° » – — ‘ ‚ “ ” „ • €), the pictographs
    /// of U+2600–U+27BF, U+1F300–U+1F64F, U+1F680–U+1F6FF and U+1F900–U+1F9FF (emoji), and the
    /// code points with a rule of their own.
    static func tableStep(_ value: UInt32) -> TableStep? {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: .shift
        case 0x00...0x7F, 0xA7, 0xAB, 0xB0, 0xBB, 0xD7, 0xE0...0xFF, 0x2013, 0x2014, 0x2018, 0x201A, 0x201C...0x201E,
            0x2022, 0x20AC, 0x2600...0x27BF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:
            .keep
        case 0xDF: .sharpS
        case 0x2010, 0x2011: .ascii(UInt8(ascii: "-"))
        case 0x2019: .ascii(UInt8(ascii: "'"))
        case 0xAD, 0x200B...0x200D, 0xFE0E, 0xFE0F: .drop
        default: nil
        }
    }
}
