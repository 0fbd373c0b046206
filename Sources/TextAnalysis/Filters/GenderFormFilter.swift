/// Folds gender-inclusive word forms onto the base word, before case folding.
///
/// Rules, on `norm` (which is still the surface here), for every occurrence that ends the word
/// or is followed by a hyphen (`Bürger:innen-Beteiligung`); the base must have two letters:
/// - marker + feminine ending: `X:in`, `X:innen`, `X*innen`, `X_innen`, `X·innen`, `X'innen`,
///   `X/innen`, `X/-innen` → `X` (`Bürger:innen` → `Bürger`, `Ärzt*innen` → `Ärzt`);
/// - parentheses: `X(in)`, `X(innen)` → `X`;
/// - Binnen-I: a lower-case letter followed by `In` or `Innen` → the part before `I`
///   (`BürgerInnen` → `Bürger`); case-sensitive, so it must run before case folding, and it
///   leaves acronyms (`PIN`, `DIN`) alone;
/// - determiners with a marker: `eine:n` → `einen`, `jede*r` → `jeder`, `der*die` → `der`.
/// Default-ignorable code points inside the word (left-to-right mark, zero-width joiner, soft
/// hyphen, combining grapheme joiner: what case folding removes next) are ignored, so
/// `Expert·innen` + U+200E folds like `Expert·innen`.
/// The leftover base may be a non-word (`Ärzt`, `Expert`); stemming maps it onto the masculine
/// stem. Plain feminine forms (`Bürgerinnen`) are ``FeminineSuffixFilter``'s job.
public struct GenderFormFilter: TokenFilter {
    static let markers: Set<Character> = [":", "*", "_", "·", "'", "’", "/"]

    public init() {}

    public func apply(to tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].kind == .word && Self.mayHoldGenderForm(tokens[index].norm) {
            if let folded = Self.fold(Self.withoutIgnorables(tokens[index].norm)) {
                tokens[index].norm = folded
                tokens[index].foldedGenderForm = true
            }
        }
    }

    /// `word` without its default-ignorable code points (Unicode's Default_Ignorable_Code_Point,
    /// the set NFKC_Casefold removes).
    static func withoutIgnorables(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: \.properties.isDefaultIgnorableCodePoint) else { return word }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: word.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint })
        return String(scalars)
    }

    /// A cheap test on the UTF-8 bytes: only a word with a marker, a parenthesis or a capital `I`
    /// after its first letter can hold a gender form.
    static func mayHoldGenderForm(_ word: String) -> Bool {
        var first = true
        for byte in word.utf8 {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "'"), UInt8(ascii: "/"),
                UInt8(ascii: "("), 0xC2, 0xE2:  // 0xC2: `·` (U+00B7); 0xE2: `’` (U+2019)
                return true
            case UInt8(ascii: "I"):
                if !first { return true }
            default:
                break
            }
            first = false
        }
        return false
    }

    /// The word with every gender form folded, or nil when it has none.
    static func fold(_ word: String) -> String? {
        let characters = Array(word)
        var result: [Character] = []
        result.reserveCapacity(characters.count)
        var changed = false
        var index = 0
        while index < characters.count {
            if let skip = feminineSuffixLength(in: characters, at: index, baseLength: lettersBefore(result)) {
                index += skip
                changed = true
                continue
            }
            if let ending = determinerEnding(in: characters, at: index, base: result) {
                result.append(contentsOf: ending)
                index = characters.count
                changed = true
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return changed ? String(result) : nil
    }

    /// Number of letters at the end of `characters` since the last non-letter.
    private static func lettersBefore(_ characters: [Character]) -> Int {
        var count = 0
        for character in characters.reversed() {
            guard character.isLetter else { break }
            count += 1
        }
        return count
    }

    /// Length of a gender suffix (`:innen`, `(in)`, `Innen` …) starting at `index`, when it ends
    /// the word or is followed by a hyphen, and `baseLength` letters precede it.
    private static func feminineSuffixLength(
        in characters: [Character], at index: Int, baseLength: Int
    ) -> Int? {
        guard baseLength >= 2 else { return nil }
        func endsWordAt(_ position: Int) -> Bool {
            position == characters.count || characters[position] == "-"
        }
        func ending(at position: Int, caseSensitiveCapital: Bool) -> Int? {
            for suffix in ["innen", "in"] {
                let length = suffix.count
                guard position + length <= characters.count else { continue }
                let candidate = String(characters[position..<(position + length)])
                let matches =
                    caseSensitiveCapital
                    ? candidate == "I" + suffix.dropFirst() : candidate.lowercased() == suffix
                if matches { return length }
            }
            return nil
        }
        let character = characters[index]
        if markers.contains(character) {
            var position = index + 1
            if character == "/" && position < characters.count && characters[position] == "-" {
                position += 1
            }
            if let length = ending(at: position, caseSensitiveCapital: false),
                endsWordAt(position + length)
            {
                return position + length - index
            }
            return nil
        }
        if character == "(" {
            if let length = ending(at: index + 1, caseSensitiveCapital: false),
                index + 1 + length < characters.count, characters[index + 1 + length] == ")",
                endsWordAt(index + 2 + length)
            {
                return length + 2
            }
            return nil
        }
        if character == "I", index > 0, characters[index - 1].isLowercase,
            let length = ending(at: index, caseSensitiveCapital: true),
            endsWordAt(index + length)
        {
            return length
        }
        return nil
    }

    /// The ending to keep for a determiner with a marker (`eine:n` → `n`, `der*die` → ``).
    private static func determinerEnding(
        in characters: [Character], at index: Int, base: [Character]
    ) -> [Character]? {
        guard index < characters.count, ":*/".contains(characters[index]),
            SegmentJoiner.genderedDeterminers.contains(String(base).lowercased())
        else { return nil }
        let ending = String(characters[(index + 1)...]).lowercased()
        guard SegmentJoiner.determinerEndings.contains(ending) else { return nil }
        return ending.count == 1 ? Array(ending) : []
    }
}
