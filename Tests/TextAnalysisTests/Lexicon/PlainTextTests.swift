import Foundation
import Testing
import _TestSupport

@testable import TextAnalysis

/// Word lists and OpenThesaurus read by scalars (``Wordlist/parse(_:)``, ``Thesaurus``) give what
/// reading them `Character` by `Character` gave: the earlier readers are kept here as the
/// reference, and both read the shipped lists, the installed OpenThesaurus text when there is one,
/// and texts made to catch the cases where scalars and `Character`s part.
struct PlainTextTests {
    static let awkward = [
        "aber alle\r\nallem | Kommentar\r\n\r\nDass",
        "eins\u{2028}zwei\u{2029}drei\u{85}vier\u{0B}fünf\u{0C}sechs",
        "Straße\tWeg\u{A0}Platz  Ufer",
        "Cafe\u{0301} und e\u{0301}twas | a\u{0301}",
        "Wort \u{0301}danach, \u{200D}x Ω Ωmega Ἀθῆναι",
        "Radweg (schweiz.);Veloweg;Fahrradweg\nΑθήνα;Athen;Stadt\n\u{A0}Straße\u{A0};Weg\t;\tPfad",
        "#  Automatically generated 2016\n# Automatically generated 2020-01-01 00:00\nA;B;Cé\u{0301};Dorf (ugs.);Ort",
        "Fahrschein;Ticket (ugs.);Fahrkarte;Billett\r\nZug;Bahn;Eisenbahn",
        "",
    ]

    static func referenceWords(_ text: String) -> [String] {
        var entries: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let content = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for word in content.split(whereSeparator: \.isWhitespace) {
                entries.append(CaseFoldingFilter.fold(String(word)))
            }
        }
        return entries
    }

    static func referenceSets(_ text: String) -> (sets: [[String]], version: String) {
        func noun(_ member: Substring) -> String? {
            var text = member
            if let open = text.firstIndex(of: "(") { text = text[..<open] }
            let word = text.trimmingCharacters(in: .whitespaces)
            guard let first = word.first, first.isUppercase, word.count >= 3,
                !word.contains(where: { $0 == " " || $0 == "." || $0 == "(" || $0 == ")" || $0 == "/" })
            else { return nil }
            return word
        }
        var sets: [[String]] = []
        var version = ""
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") {
                if line.hasPrefix("# Automatically generated ") {
                    version = String(line.dropFirst("# Automatically generated ".count))
                }
                continue
            }
            let nouns = line.split(separator: ";").compactMap(noun)
            guard nouns.count >= 2, nouns.count <= Thesaurus.maximumSetSize else { continue }
            sets.append(nouns)
        }
        return (sets, version)
    }

    static var texts: [String] {
        var texts = awkward
        for file in AnalyzerResources.allFiles {
            if let text = try? String(contentsOf: Fixtures.repositoryFile(file), encoding: .utf8) { texts.append(text) }
        }
        if let installed = try? String(contentsOfFile: Thesaurus.systemPath, encoding: .utf8) { texts.append(installed) }
        return texts
    }

    @Test func wordListsReadAsBefore() {
        for (index, text) in Self.texts.enumerated() {
            #expect(Wordlist.parse(text) == Self.referenceWords(text), "text \(index)")
        }
    }

    @Test func thesaurusSetsReadAsBefore() {
        for (index, text) in Self.texts.enumerated() {
            let thesaurus = Thesaurus(text: text) { $0 }
            let reference = Self.referenceSets(text)
            #expect(thesaurus.sets == reference.sets, "text \(index)")
            #expect(thesaurus.version == reference.version, "text \(index)")
        }
    }

    /// The ASCII shortcut of ``PlainText/isWhitespace(_:)`` is the property, for every scalar.
    @Test func whiteSpaceIsThePropertyForEveryScalar() {
        let differing = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            PlainText.isWhitespace($0) != $0.properties.isWhitespace
        }
        #expect(differing.isEmpty)
    }

    /// Below U+0300 a `Character` of one scalar is white space exactly when its scalar is.
    @Test func whiteSpaceBelowTheCombiningMarksIsTheScalars() {
        for value in UInt32(0)..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Character(scalar).isWhitespace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
