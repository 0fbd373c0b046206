/// The CISTEM stemmer for German (Weißweiler & Fraser, "Developing a Stemmer for German Based on
/// a Comparative Analysis of Publicly Available Stemmers", GSCL 2017).
///
/// Written from the published description of the algorithm; steps, in order:
/// 1. Note whether the first letter is upper case (`upper`), then lower-case the word.
/// 2. Replace `ü` → `u`, `ö` → `o`, `ä` → `a`, `ß` → `ss`.
/// 3. Drop a leading `ge` when at least four letters follow it.
/// 4. Replace `sch` → `$`, then `ei` → `%`, then `ie` → `&`, so each cluster is one symbol.
/// 5. Replace each doubled letter by the letter and `*` (`ss` → `s*`), left to right.
/// 6. While the word is longer than three symbols, remove the first ending that applies and
///    repeat: if longer than five, `em` or `er`, else `nd`; unless `upper` (and not
///    case-insensitive), `t`; `e`, `s` or `n`. Stop when none applies.
/// 7. Undo step 5, then step 4.
/// Works on Unicode scalars, so a length is what Python's `len` gives in the reference
/// implementation.
public struct CistemStemmer: Sendable {
    /// When true, a capitalised word loses a final `t` like any other (the variant for text
    /// whose capitalisation is unreliable, as in user comments).
    public let caseInsensitive: Bool

    public init(caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
    }

    /// The stem of one word.
    public func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        return stem(scalars: &letters)
    }

    /// The stem of the word spelt by `letters`, which the call uses as its work space (one
    /// buffer edited in place instead of one array per step; the steps are those above). Without
    /// `dropPrefix`, step 3 is left out (for nouns such as `Gefahr`, whose `ge` is no prefix).
    func stem(scalars letters: inout [Unicode.Scalar], dropPrefix: Bool = true) -> String {
        guard let first = letters.first else { return "" }
        let upper = first.properties.isUppercase
        Self.lowercase(&letters)
        if dropPrefix && letters.count >= 6 && letters[0] == "g" && letters[1] == "e" {
            letters.removeFirst(2)
        }
        Self.replace("s", "c", "h", with: "$", in: &letters)
        Self.replace("e", "i", nil, with: "%", in: &letters)
        Self.replace("i", "e", nil, with: "&", in: &letters)

        // Step 5 in place: the second of two equal letters becomes `*`.
        var index = 0
        while index + 1 < letters.count {
            if letters[index] == letters[index + 1] {
                letters[index + 1] = "*"
                index += 2
            } else {
                index += 1
            }
        }

        while letters.count > 3 {
            if letters.count > 5 {
                if Self.hasSuffix(letters, "e", "m") || Self.hasSuffix(letters, "e", "r")
                    || Self.hasSuffix(letters, "n", "d")
                {
                    letters.removeLast(2)
                    continue
                }
            }
            if (!upper || caseInsensitive) && letters.last == "t" {
                letters.removeLast()
                continue
            }
            if let last = letters.last, last == "e" || last == "s" || last == "n" {
                letters.removeLast()
                continue
            }
            break
        }

        // Step 7: each symbol written out, twice when a `*` follows it.
        var result = String.UnicodeScalarView()
        index = 0
        while index < letters.count {
            let doubled = index + 1 < letters.count && letters[index + 1] == "*"
            for _ in 0..<(doubled ? 2 : 1) {
                switch letters[index] {
                case "%": result.append(contentsOf: "ei".unicodeScalars)
                case "&": result.append(contentsOf: "ie".unicodeScalars)
                case "$": result.append(contentsOf: "sch".unicodeScalars)
                default: result.append(letters[index])
                }
            }
            index += doubled ? 2 : 1
        }
        return String(result)
    }

    /// Steps 1 and 2 after noting `upper`: `String.lowercased()`, then the umlauts and `ß`.
    private static func lowercase(_ letters: inout [Unicode.Scalar]) {
        if letters.allSatisfy(\.isASCII) {
            // `lowercased()` of ASCII text, without building a string.
            for index in letters.indices where letters[index].value >= 0x41 && letters[index].value <= 0x5A {
                letters[index] = Unicode.Scalar(letters[index].value + 32)!
            }
            return
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: letters)
        letters.removeAll(keepingCapacity: true)
        for scalar in String(text).lowercased().unicodeScalars {
            switch scalar {
            case "ü": letters.append("u")
            case "ö": letters.append("o")
            case "ä": letters.append("a")
            case "ß": letters.append(contentsOf: ["s", "s"])
            default: letters.append(scalar)
            }
        }
    }

    private static func hasSuffix(_ letters: [Unicode.Scalar], _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        letters.count >= 2 && letters[letters.count - 2] == a && letters[letters.count - 1] == b
    }

    /// Replaces every non-overlapping occurrence of `a b c` (or `a b` when `c` is nil), left to
    /// right, in place: the replacement is shorter, so writing never overtakes reading.
    private static func replace(
        _ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar?, with replacement: Unicode.Scalar,
        in letters: inout [Unicode.Scalar]
    ) {
        let length = c == nil ? 2 : 3
        let count = letters.count
        var read = 0
        var write = 0
        while read < count {
            if read + length <= count && letters[read] == a && letters[read + 1] == b
                && (c == nil || letters[read + 2] == c!)
            {
                letters[write] = replacement
                read += length
            } else {
                letters[write] = letters[read]
                read += 1
            }
            write += 1
        }
        letters.removeLast(count - write)
    }
}
