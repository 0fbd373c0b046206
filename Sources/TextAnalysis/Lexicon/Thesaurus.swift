import Foundation

/// Synonym sets of German nouns from OpenThesaurus's text export (Debian package
/// `openthesaurus-de-text`, LGPL 2.1: `/usr/share/openthesaurus-de/openthesaurus.txt`), for the
/// words a measure does not use.
///
/// Format: one synonym set a line, members separated by `;`, `#` starts a comment line. Rules when
/// reading:
/// - a parenthesised annotation is removed (`Veloweg (schweiz.)` → `Veloweg`); a member that still
///   holds a space, a dot or a parenthesis (phrases, `Konzessions...`) is left out;
/// - only nouns are kept: members that begin with an upper-case letter;
/// - sets with more than ``maximumSetSize`` nouns are left out: the larger a set, the looser its
///   words (a word in it means many things).
/// ``synonyms(of:)`` finds the sets by a matching key (the analyzer's stem), so an inflected title
/// word (`Radwege`) finds the set of its base form (`Radweg`); it answers only for a word that is
/// in exactly one kept set: a word of several senses (`Bahn`: railway, lane, orbit; `Zug`) would
/// bring the words of its other senses.
public struct Thesaurus: Sendable {
    public static let systemPath = "/usr/share/openthesaurus-de/openthesaurus.txt"
    public static let maximumSetSize = 12

    /// The kept sets, each a list of nouns as written.
    public let sets: [[String]]
    /// The text's generation line (`# Automatically generated 2016-04-24 23:01`), for the report.
    public let version: String
    private let setsByKey: [String: [Int]]
    private let key: @Sendable (String) -> String

    /// - Parameter key: the matching key of a word (the analyzer's stem of its normalised form).
    public init(text: String, key: @escaping @Sendable (String) -> String) {
        var sets: [[String]] = []
        var version = ""
        for line in PlainText.lines(text) where !line.isEmpty {
            if line.hasPrefix("#") {
                if line.hasPrefix("# Automatically generated ") {
                    version = String(line.dropFirst("# Automatically generated ".count))
                }
                continue
            }
            let members =
                PlainText.isSingleScalar(line)
                ? PlainText.split(line, where: { $0 == ";" }) : line.split(separator: ";").map(String.init)
            let nouns = members.compactMap(Self.noun)
            guard nouns.count >= 2, nouns.count <= Self.maximumSetSize else { continue }
            sets.append(nouns)
        }
        var byKey: [String: [Int]] = [:]
        for (index, set) in sets.enumerated() {
            for word in set {
                let matching = key(word)
                if byKey[matching]?.last != index { byKey[matching, default: []].append(index) }
            }
        }
        self.sets = sets
        self.version = version
        self.setsByKey = byKey
        self.key = key
    }

    /// A member as a noun: without its annotation, nil unless one capitalised word.
    static func noun(_ member: String) -> String? {
        var text = Substring(member)
        let open =
            PlainText.isSingleScalar(member) ? member.utf8.firstIndex(of: UInt8(ascii: "(")) : member.firstIndex(of: "(")
        if let open { text = text[..<open] }
        let word = trimmingSpaces(text)
        if PlainText.isSingleScalar(word) && !word.utf8.contains(0x0D) {
            // Every Character one scalar (``PlainText``): the same rule on scalars.
            let scalars = word.unicodeScalars
            guard let first = scalars.first, Character(first).isUppercase,
                !scalars.contains(where: { $0 == " " || $0 == "." || $0 == "(" || $0 == ")" || $0 == "/" })
            else { return nil }
            return scalars.count >= 3 ? word : nil
        }
        guard let first = word.first, first.isUppercase, word.count >= 3,
            !word.contains(where: { $0 == " " || $0 == "." || $0 == "(" || $0 == ")" || $0 == "/" })
        else { return nil }
        return word
    }

    /// `text` without the spaces at its ends: the scalars of Foundation's
    /// `CharacterSet.whitespaces` (general category Zs, and the tab).
    static func trimmingSpaces(_ text: Substring) -> String {
        let isSpace = { (scalar: Unicode.Scalar) in
            scalar.value < 0x80 ? scalar == "\t" || scalar == " " : scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The other nouns of the one set that `word` belongs to (by matching key), each once; none for
    /// a word that is in no set or in several.
    public func synonyms(of word: String) -> [String] {
        let own = key(word)
        var seen: Set<String> = [own]
        var result: [String] = []
        guard let found = setsByKey[own], found.count == 1 else { return [] }
        for index in found {
            for member in sets[index] where seen.insert(key(member)).inserted {
                result.append(member)
            }
        }
        return result
    }
}
