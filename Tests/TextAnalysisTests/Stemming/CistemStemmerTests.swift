import Foundation
import Testing
import TextAnalysis
import _TestSupport

/// Tests ``CistemStemmer`` against the reference implementation's outputs.
struct CistemStemmerTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let word: String
        let caseSensitive: String
        let caseInsensitive: String
        var testDescription: String { word }
    }

    static let vectors: [Vector] = {
        let text = (try? String(contentsOf: Fixtures.url("cistem-test-vectors.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return Vector(word: fields[0], caseSensitive: fields[1], caseInsensitive: fields[2])
        }
    }()

    @Test func vectorsAreLoaded() {
        #expect(Self.vectors.count == 26)
    }

    @Test("reference outputs", arguments: vectors)
    func matchesReference(_ vector: Vector) {
        #expect(CistemStemmer(caseInsensitive: false).stem(vector.word) == vector.caseSensitive)
        #expect(CistemStemmer(caseInsensitive: true).stem(vector.word) == vector.caseInsensitive)
    }

    @Test func emptyWord() {
        #expect(CistemStemmer(caseInsensitive: true).stem("") == "")
    }

    @Test("short words keep their letters", arguments: ["ab", "Ei", "Tat", "Jena"])
    func shortWords(_ word: String) {
        #expect(CistemStemmer(caseInsensitive: false).stem(word).count >= min(word.count, 3))
    }

    @Test func knownConflations() {
        let stemmer = CistemStemmer(caseInsensitive: true)
        // Participle and agent noun meet (Radfahrende / Radfahrer).
        #expect(stemmer.stem("radfahrende") == stemmer.stem("radfahrer"))
        // Known understemming, kept as a record: feminine plurals need FeminineSuffixFilter.
        #expect(stemmer.stem("bürgerinnen") != stemmer.stem("bürger"))
    }
}
