import TextAnalysis

/// The spelling to show for a stem, and whether the stem is a noun.
///
/// - Display: the form the corpus uses most often. Ties go to the smaller string in Unicode
///   order, which prefers the capitalised noun (`Bürger` before `bürger`). So keywords read as
///   people wrote them, never as bare stems.
/// - Noun: German capitalises nouns, but also the first word of every sentence. A stem is a noun
///   when, counting only its occurrences that do not start a sentence (or a line), at least half
///   are capitalised. A word seen only at sentence starts (`Bevor`, `Kurze`) is no noun.
public struct DisplayForms: Sendable {
    private var counts: [String: [String: Int]] = [:]
    /// Per stem: occurrences inside sentences, and how many of them were capitalised.
    private var inside: [String: (capitalised: Int, total: Int)] = [:]

    public init() {}

    /// Counts the word tokens of `text` (their offsets are UTF-8 offsets into it).
    public mutating func add(_ tokens: [Token], text: String) {
        let bytes = Array(text.utf8)
        for token in tokens where token.kind == .word {
            counts[token.stem, default: [:]][token.display, default: 0] += 1
            guard !Self.startsSentence(bytes, at: token.start) else { continue }
            var entry = inside[token.stem] ?? (0, 0)
            entry.total += 1
            if token.display.first?.isUppercase ?? false { entry.capitalised += 1 }
            inside[token.stem] = entry
        }
    }

    /// Adds the counts of `other` (forms counted over another part of the corpus).
    public mutating func merge(_ other: DisplayForms) {
        for (stem, forms) in other.counts {
            counts[stem, default: [:]].merge(forms, uniquingKeysWith: +)
        }
        for (stem, entry) in other.inside {
            let own = inside[stem] ?? (0, 0)
            inside[stem] = (own.capitalised + entry.capitalised, own.total + entry.total)
        }
    }

    /// The most frequent spelling of `stem`, or the stem itself if no token had it.
    public func display(_ stem: String) -> String {
        guard let forms = counts[stem] else { return stem }
        return forms.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key
        }?.key ?? stem
    }

    /// Whether `stem` is a noun (or a name, or an acronym): see the type's rule.
    public func isNoun(_ stem: String) -> Bool {
        guard let entry = inside[stem], entry.total > 0 else { return false }
        return 2 * entry.capitalised >= entry.total
    }

    /// Whether the token at byte `offset` starts a sentence or a line: only spaces, quotes,
    /// brackets or dashes lie between it and the text's start, a line break, or `.` `!` `?` `:`.
    static func startsSentence(_ bytes: [UInt8], at offset: Int) -> Bool {
        var index = min(offset, bytes.count) - 1
        while index >= 0 {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x22, 0x27, 0x28, 0x5B, 0x2D: index -= 1  // space, tab, " ' ( [ -
            case 0x80...0xFF where byte >= 0x80:
                // A multi-byte character: typographic quotes and dashes count as spacing, others end the scan.
                var start = index
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let scalar = String(decoding: bytes[start...index], as: UTF8.self)
                guard ["„", "“", "”", "»", "«", "‚", "‘", "’", "–", "—", "\u{00A0}"].contains(scalar) else { return false }
                index = start - 1
            default:
                return [0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A].contains(byte)  // \n \r . ! ? :
            }
        }
        return true
    }
}
