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
/// Runs after ``GenderFormFilter``, which needs the original capitals. Text of ASCII and the
/// Latin-1 letters alone (most German words) is folded by a table of exactly these rules
/// (``foldLatin(_:)``), the rest by ICU.
public struct CaseFoldingFilter: TokenFilter {
    public init() {}

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind != .emoji {
            tokens[index].norm = Self.fold(tokens[index].norm)
        }
    }

    /// NFKC_Casefold of `text`, with `’` → `'`.
    public static func fold(_ text: String) -> String {
        foldLatin(text) ?? foldWithICU(text)
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

    /// NFKC_Casefold of text made of ASCII and U+00C0–U+00FF only, or nil for any other text.
    ///
    /// On these code points NFKC changes nothing (none has a compatibility decomposition, none
    /// combines with a neighbour) and case folding is: `A`–`Z` → `a`–`z`, `À`–`Þ` except `×` →
    /// `à`–`þ`, `ß` → `ss`; `CaseFoldingFilterTests` checks each against ICU.
    static func foldLatin(_ text: String) -> String? {
        var changes = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x80 {
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { changes = true }
            } else if byte == 0xC3 {
                // Lead byte of U+00C0–U+00FF.
            } else if previous == 0xC3 {
                if byte <= 0x9F && byte != 0x97 { changes = true }
            } else {
                return nil
            }
            previous = byte
        }
        guard changes else { return text }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if byte < 0x80 {
                folded.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else if byte == 0xC3 {
                // Written with its second byte.
            } else if byte == 0x9F {
                folded.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            } else {
                folded.append(0xC3)
                folded.append(byte <= 0x9E && byte != 0x97 ? byte + 0x20 : byte)
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
