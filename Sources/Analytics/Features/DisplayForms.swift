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
        var text = text
        text.withUTF8 { bytes in
            for token in tokens where token.kind == .word {
                count(
                    stem: token.stem, display: token.display, occurrences: 1,
                    inside: Self.startsSentence(bytes, at: token.start) ? 0 : 1)
            }
        }
    }

    /// Adds what a ``Tally`` counted.
    public mutating func add(_ tally: Tally) {
        for form in tally.forms {
            count(stem: form.stem, display: form.display, occurrences: form.occurrences, inside: form.inside)
        }
        for form in tally.completions.values {
            count(stem: form.stem, display: form.display, occurrences: form.occurrences, inside: form.inside)
        }
    }

    /// Counts the spelling `display` of `stem` `occurrences` times, `inside` of them not at a
    /// sentence's start.
    private mutating func count(stem: String, display: String, occurrences: Int, inside insideSentences: Int) {
        counts[stem, default: [:]][display, default: 0] += occurrences
        guard insideSentences > 0 else { return }
        var entry = inside[stem] ?? (0, 0)
        entry.total += insideSentences
        if display.first?.isUppercase ?? false { entry.capitalised += insideSentences }
        inside[stem] = entry
    }

    /// ``DisplayForms/add(_:text:)`` counted per word form (its bytes, ``FormTable``) and handed
    /// on once (``DisplayForms/add(_:)``): what the spellings read of a token (stem, display,
    /// whether it is capitalised) is the same for every token of a form, except for a suspended
    /// hyphen, which is completed from its neighbours and so counted as a form of its own
    /// stem and display. Hashing a form's bytes once per token costs less than hashing its stem
    /// and spelling as strings. A form keeps only its stem, its spelling and two counts, not its
    /// token: every chunk of a run holds its tally until the run merges them.
    public struct Tally: Sendable {
        /// A form's stem and spelling, how often it occurs, and how often not at a sentence's start.
        fileprivate struct Count: Sendable {
            var stem: String
            var display: String
            var occurrences: Int
            var inside: Int
        }

        /// The completed stem and display of a suspended hyphen.
        fileprivate struct Completion: Hashable, Sendable {
            var stem: String
            var display: String
        }

        /// The forms' ids, and what is counted of each, by id.
        private var table = FormTable()
        fileprivate var forms: [Count] = []
        /// Suspended hyphens, by what they were completed to.
        fileprivate var completions: [Completion: Count] = [:]

        public init() {}

        /// Counts the word tokens of `text` (their offsets are UTF-8 offsets into it).
        public mutating func add(_ tokens: [Token], text: String) {
            var text = text
            text.withUTF8 { bytes in
                for token in tokens where token.kind == .word {
                    let inside = DisplayForms.startsSentence(bytes, at: token.start) ? 0 : 1
                    if token.suspendedHyphen != nil {
                        Self.count(
                            token, inside: inside, in: &completions, at: Completion(stem: token.stem, display: token.display))
                    } else {
                        let (id, isNew) = table.add(token.surface, kind: token.kind)
                        if isNew {
                            forms.append(Count(stem: token.stem, display: token.display, occurrences: 1, inside: inside))
                        } else {
                            forms[id].occurrences += 1
                            forms[id].inside += inside
                        }
                    }
                }
            }
        }

        private static func count<Key: Hashable>(_ token: Token, inside: Int, in table: inout [Key: Count], at key: Key) {
            if let index = table.index(forKey: key) {
                table.values[index].occurrences += 1
                table.values[index].inside += inside
            } else {
                table[key] = Count(stem: token.stem, display: token.display, occurrences: 1, inside: inside)
            }
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
    static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = min(offset, bytes.count) - 1
        while index >= 0 {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x22, 0x27, 0x28, 0x5B, 0x2D: index -= 1  // space, tab, " ' ( [ -
            case 0x80...0xFF where byte >= 0x80:
                // A multi-byte character: typographic quotes and dashes count as spacing, others end the scan.
                var start = index
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let character = UnsafeBufferPointer(rebasing: bytes[start...index])
                guard spacing.contains(where: { $0.elementsEqual(character) }) else { return false }
                index = start - 1
            default:
                return [0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A].contains(byte)  // \n \r . ! ? :
            }
        }
        return true
    }

    /// The UTF-8 bytes of the typographic quotes, dashes and the no-break space.
    private static let spacing = ["„", "“", "”", "»", "«", "‚", "‘", "’", "–", "—", "\u{00A0}"].map { Array($0.utf8) }
}
