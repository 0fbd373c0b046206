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
/// Runs after ``GenderFormFilter``, which needs the original capitals.
public struct CaseFoldingFilter: TokenFilter {
    public init() {}

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind != .emoji {
            tokens[index].norm = Self.fold(tokens[index].norm)
        }
    }

    /// NFKC_Casefold of `text`, with `’` → `'`.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
            return text
        }
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
                let folded = String(decoding: destination[0..<Int(length)], as: UTF16.self)
                return folded.contains(where: { $0 == "’" || $0 == "\u{2010}" || $0 == "\u{2011}" })
                    ? String(folded.map { $0 == "’" ? "'" : ($0 == "\u{2010}" || $0 == "\u{2011}") ? "-" : $0 }) : folded
            }
            capacity = Int(length)
        }
    }
}
