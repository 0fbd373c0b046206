/// Folds the transliterated umlaut spellings `ae`, `oe`, `ue` onto the plain vowel, so that
/// `Buerger` and `Bürger` meet, as in Lucene's GermanNormalizationFilter ("German2" variant).
///
/// Rules, on lower-case text, as a three-state machine:
/// - `ä` `ö` `ü` become `a` `o` `u`; `ß` becomes `ss`;
/// - an `e` is dropped after `a` or `o`, and after a `u` that does not follow a vowel or `q`
///   (`aerger` → `arger`, `koeln` → `koln`, `muenchen` → `munchen`);
/// - so `ue` stays after a vowel or `q` (`feuer`, `bauer`, `quelle`).
/// States: N ordinary; V after a vowel, an umlaut or `q`; U after `a`, `o` or a `u` in state N.
/// The rule also folds a few words where `ae`/`oe`/`ue` is no umlaut (`aktuell` → `aktull`);
/// that is harmless for matching because every form of such a word folds the same way.
public enum GermanTransliteration {
    public static func fold(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        fold(text, into: &scalars)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// ``fold(_:)`` as scalars appended to `result`, for the stemmer to work on directly.
    static func fold(_ text: String, into result: inout [Unicode.Scalar]) {
        enum State { case ordinary, afterVowel, umlautCandidate }
        var state = State.ordinary
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a", "o":
                state = .umlautCandidate
                result.append(scalar)
            case "u":
                state = state == .ordinary ? .umlautCandidate : .afterVowel
                result.append(scalar)
            case "e":
                if state != .umlautCandidate { result.append(scalar) }
                state = .afterVowel
            case "i", "q", "y":
                state = .afterVowel
                result.append(scalar)
            case "ä":
                state = .afterVowel
                result.append("a")
            case "ö":
                state = .afterVowel
                result.append("o")
            case "ü":
                state = .afterVowel
                result.append("u")
            case "ß":
                state = .ordinary
                result.append(contentsOf: ["s", "s"])
            default:
                state = .ordinary
                result.append(scalar)
            }
        }
    }
}
