import Testing
import TextAnalysis
import _TestSupport

/// Tests that the in-place ``CistemStemmer`` gives what its first, step-by-step version gave.
struct CistemStemmerEquivalenceTests {
    @Test func inPlaceStemmerMatchesStepwiseVersion() {
        var words = Array(Fixtures.resources.lexiconWords) + Array(Fixtures.resources.stopwords)
        words += words.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        words += [
            "", "a", "Ge", "gegessen", "geee", "schschsch", "eieiei", "ieie", "Straße", "STRASSE", "İstanbul",
            "ǅemal", "aa*", "$%&", "Bürgerinnen", "MÜLLER", "ärger", "start-up-kultur", "tttttt", "Tat",
        ]
        for caseInsensitive in [false, true] {
            let stemmer = CistemStemmer(caseInsensitive: caseInsensitive)
            let reference = StepwiseCistem(caseInsensitive: caseInsensitive)
            let mismatches = words.filter { stemmer.stem($0) != reference.stem($0) }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        }
    }
}

/// The stemmer as first written: one new array per step.
private struct StepwiseCistem {
    let caseInsensitive: Bool

    func stem(_ word: String) -> String {
        guard let first = word.unicodeScalars.first else { return word }
        let upper = first.properties.isUppercase
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.unicodeScalars.count + 2)
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "ü": letters.append("u")
            case "ö": letters.append("o")
            case "ä": letters.append("a")
            case "ß": letters.append(contentsOf: ["s", "s"])
            default: letters.append(scalar)
            }
        }
        if letters.count >= 6 && letters[0] == "g" && letters[1] == "e" {
            letters.removeFirst(2)
        }
        letters = Self.replacing(["s", "c", "h"], with: "$", in: letters)
        letters = Self.replacing(["e", "i"], with: "%", in: letters)
        letters = Self.replacing(["i", "e"], with: "&", in: letters)

        var marked: [Unicode.Scalar] = []
        marked.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            if index + 1 < letters.count && letters[index] == letters[index + 1] {
                marked.append(letters[index])
                marked.append("*")
                index += 2
            } else {
                marked.append(letters[index])
                index += 1
            }
        }

        while marked.count > 3 {
            if marked.count > 5 {
                if Self.hasSuffix(marked, "e", "m") || Self.hasSuffix(marked, "e", "r")
                    || Self.hasSuffix(marked, "n", "d")
                {
                    marked.removeLast(2)
                    continue
                }
            }
            if (!upper || caseInsensitive) && marked.last == "t" {
                marked.removeLast()
                continue
            }
            if let last = marked.last, last == "e" || last == "s" || last == "n" {
                marked.removeLast()
                continue
            }
            break
        }

        var undone: [Unicode.Scalar] = []
        undone.reserveCapacity(marked.count)
        index = 0
        while index < marked.count {
            if index + 1 < marked.count && marked[index + 1] == "*" {
                undone.append(contentsOf: [marked[index], marked[index]])
                index += 2
            } else {
                undone.append(marked[index])
                index += 1
            }
        }
        var result = String.UnicodeScalarView()
        for scalar in undone {
            switch scalar {
            case "%": result.append(contentsOf: "ei".unicodeScalars)
            case "&": result.append(contentsOf: "ie".unicodeScalars)
            case "$": result.append(contentsOf: "sch".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func hasSuffix(_ letters: [Unicode.Scalar], _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        letters.count >= 2 && letters[letters.count - 2] == a && letters[letters.count - 1] == b
    }

    /// Replaces every non-overlapping occurrence of `pattern`, left to right.
    private static func replacing(
        _ pattern: [Unicode.Scalar], with replacement: Unicode.Scalar, in letters: [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            if index + pattern.count <= letters.count
                && letters[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                result.append(replacement)
                index += pattern.count
            } else {
                result.append(letters[index])
                index += 1
            }
        }
        return result
    }
}
