import Corpus
import Foundation
import Testing
import _TestSupport

/// Tests ``FrameworkLoader``: the shipped frameworks, and every rule with file, line and key.
struct FrameworkLoaderTests {
    @Test func jenaFrameworkHasFourGoalsAndFourteenMeasures() throws {
        let framework = try FrameworkLoader.load(Fixtures.repositoryFile("corpora/jena-hf4/framework.yaml"))
        #expect(framework.id == "jena-hf4")
        #expect(framework.goals.map(\.id) == ["standort", "wertschoepfung", "kompetenzen", "innovationen"])
        #expect(framework.goals.map(\.measures.count) == [6, 3, 3, 2])
        #expect(framework.measures.first?.title == "Fachkräfteausbildung, -gewinnung & -sicherung")
        #expect(framework.measures.allSatisfy { !$0.keywords.isEmpty })
    }

    @Test func ottensenFrameworkHasTwelveMeasures() throws {
        let framework = try FrameworkLoader.load(Fixtures.repositoryFile("corpora/ottensen/framework.yaml"))
        #expect(framework.measures.count == 12)
    }

    @Test func sameStructureAsJSON() throws {
        let json = #"{"id": "x", "title": "T", "goals": [{"id": "g", "title": "G", "measures": [{"id": "g.m", "title": "M"}]}]}"#
        let framework = try FrameworkLoader.parse(json, path: "f.json")
        #expect(framework.language == "de")
        #expect(framework.measures.map(\.goalID) == ["g"])
    }

    static let valid = """
        id: demo
        title: Demo
        goals:
          - id: a
            title: Ziel A
            measures:
              - id: a.one
                title: Eins
        """

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let line: Int
        let key: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown key", yaml: valid.replacingOccurrences(of: "title: Eins", with: "title: Eins\n        owner: x"),
            line: 9, key: "owner"),
        BadCase(
            name: "duplicate measure id",
            yaml: valid + "\n      - id: a.one\n        title: Zwei", line: 9, key: "id"),
        BadCase(
            name: "duplicate goal id",
            yaml: valid + "\n  - id: a\n    title: Noch A\n    measures:\n      - id: a.two\n        title: Zwei", line: 9,
            key: "id"),
        BadCase(
            name: "goal without measures", yaml: valid + "\n  - id: b\n    title: Ziel B\n    measures: []", line: 11,
            key: "measures"),
        BadCase(name: "goal with no measures key", yaml: valid + "\n  - id: b\n    title: Ziel B", line: 9, key: "measures"),
        BadCase(
            name: "empty title", yaml: valid.replacingOccurrences(of: "title: Eins", with: "title: \"\""), line: 8, key: "title"),
        BadCase(name: "bad id", yaml: valid.replacingOccurrences(of: "id: a.one", with: "id: A One"), line: 7, key: "id"),
        BadCase(name: "null title", yaml: valid.replacingOccurrences(of: "title: Eins", with: "title: ~"), line: 8, key: "title"),
        BadCase(name: "dot id", yaml: valid.replacingOccurrences(of: "id: a.one", with: "id: .."), line: 7, key: "id"),
        BadCase(
            name: "keywords not a list",
            yaml: valid.replacingOccurrences(of: "title: Eins", with: "title: Eins\n        keywords: Rad"), line: 9,
            key: "keywords"),
    ]

    @Test("rule violations name file, line and key", arguments: badCases)
    func rejects(_ example: BadCase) {
        do {
            _ = try FrameworkLoader.parse(example.yaml, path: "framework.yaml")
            Issue.record("expected an error")
        } catch {
            guard case .frameworkInvalid(let path, let line, let key, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "framework.yaml")
            #expect(line == example.line)
            #expect(key == example.key)
        }
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(throws: CorpusError.self) {
            try FrameworkLoader.parse("id: x\ngoals: [\n", path: "broken.yaml")
        }
        do {
            _ = try FrameworkLoader.parse("id: x\ntitle: [unclosed\n", path: "broken.yaml")
        } catch {
            guard case .frameworkSyntax(let path, let line, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "broken.yaml")
            #expect(line >= 2)
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: CorpusError.self) {
            try FrameworkLoader.load(URL(fileURLWithPath: "/nonexistent/framework.yaml"))
        }
    }
}
