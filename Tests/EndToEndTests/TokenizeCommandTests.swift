import Foundation
import Testing
import _TestSupport

/// End-to-end tests of `resonanz tokenize --json` on every case the analyzer promises.
struct TokenizeCommandTests {
    func tokens(_ text: String) throws -> [[String: Any]] {
        let result = try CommandLineRunner.run(["tokenize", "--json", text])
        #expect(result.status == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    }

    @Test func contractFieldsAndByteOffsets() throws {
        let text = "Die Bürger:innen 👍"
        let list = try tokens(text)
        let bytes = Array(text.utf8)
        for token in list {
            for key in ["surface", "start", "end", "kind", "norm", "stem", "stop", "parts"] {
                #expect(token[key] != nil, "\(key)")
            }
            let start = try #require(token["start"] as? Int)
            let end = try #require(token["end"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == token["surface"] as? String)
        }
        let citizen = try #require(list.first { $0["surface"] as? String == "Bürger:innen" })
        #expect(citizen["start"] as? Int == 4)
        #expect(citizen["end"] as? Int == 17)
        #expect(citizen["norm"] as? String == "bürger")
        #expect(citizen["stem"] as? String == "burg")
        #expect(citizen["stop"] as? Bool == false)
        #expect(list.last?["kind"] as? String == "emoji")
    }

    @Test func genderFormsAllFoldAndNoInnenSurvives() throws {
        let list = try tokens(
            "Bürger:innen Bürger*innen Bürger_innen BürgerInnen Bürger/-innen Bürger(innen) Expert·innen Bürgerinnen Bürger")
        #expect(Set(list.prefix(6).map { $0["norm"] as? String }) == ["bürger"])
        #expect(Set(list.map { $0["stem"] as? String }).count == 2)  // burg, and exper for Expert·innen
        #expect(!list.contains { ["innen", "in"].contains($0["norm"] as? String) })
    }

    @Test func hyphenEllipsisAndHyphenatedWords() throws {
        let list = try tokens("Fachkräfteausbildung, -gewinnung & -sicherung; Start-up-Kultur, E-Mail-Adresse, Tempo-30-Zone")
        let displays = list.compactMap { $0["display"] as? String }
        #expect(displays.contains("Fachkräftegewinnung"))
        #expect(displays.contains("Fachkräftesicherung"))
        for token in list where token["kind"] as? String == "word" && token["stop"] as? Bool == false {
            #expect((token["norm"] as? String ?? "").count >= 3)
            for part in token["parts"] as? [String] ?? [] { #expect(part.count >= 3) }
        }
    }

    @Test func compoundsSpellingAndAbbreviations() throws {
        let list = try tokens(
            "Radwegbeleuchtung Fachkräftemangel Digitalisierungsstrategie Straße Strasse STRASSE z. B. bzw. u. a.")
        func token(_ surface: String) -> [String: Any]? { list.first { $0["surface"] as? String == surface } }
        #expect(token("Radwegbeleuchtung")?["parts"] as? [String] == ["Radweg", "Beleuchtung"])
        #expect(token("Fachkräftemangel")?["parts"] as? [String] == ["Fachkräfte", "Mangel"])
        #expect(token("Digitalisierungsstrategie")?["parts"] as? [String] == ["Digitalisierung", "Strategie"])
        #expect(Set(["Straße", "Strasse", "STRASSE"].map { token($0)?["stem"] as? String }).count == 1)
        #expect(token("Straße")?["surface"] as? String == "Straße")
        for abbreviation in ["z. B.", "bzw", "u. a."] {
            #expect(token(abbreviation)?["stop"] as? Bool == true, "\(abbreviation)")
        }
    }

    @Test func urlsEmailsNumbersAndEmoji() throws {
        let list = try tokens("Mehr unter https://www.jena.de/beteiligung?x=1 oder info@jena.de, 27,9 % 👨‍👩‍👧")
        let kinds = list.map { "\($0["surface"]!):\($0["kind"]!)" }
        #expect(kinds.contains("https://www.jena.de/beteiligung?x=1:url"))
        #expect(kinds.contains("info@jena.de:email"))
        #expect(kinds.contains("27,9:number"))
        #expect(kinds.contains("%:other"))
        #expect(kinds.contains("👨‍👩‍👧:emoji"))
    }

    @Test func readsStandardInputAndPrintsATable() throws {
        let result = try CommandLineRunner.run(["tokenize"], input: "Bürger:innen fragen")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Bürger:innen"))
        #expect(result.standardOutput.contains("bürger"))
    }
}
