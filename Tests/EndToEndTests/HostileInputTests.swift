import Foundation
import Testing
import _TestSupport

/// Runs `resonanz run` on every file of `Tests/Fixtures/bad-input/` (made by
/// `scripts/make-bad-input-fixtures.py`) and checks its exit status and its accepted and rejected
/// rows against `expected.json`. None may crash, and every row read is accepted or rejected.
struct HostileInputTests {
    struct Expectation: Decodable, Sendable {
        var exit: Int32
        var accepted: Int
        var rejected: Int
        var note: String
    }

    static let expectations: [String: Expectation] = {
        guard let data = try? Data(contentsOf: Fixtures.url("bad-input/expected.json")),
            let decoded = try? JSONDecoder().decode([String: Expectation].self, from: data)
        else { return [:] }
        return decoded
    }()

    @Test func thereAreAtLeastTwentyFiveHostileFiles() {
        #expect(Self.expectations.count >= 25)
    }

    @Test("hostile file", arguments: expectations.keys.sorted())
    func hostileFile(_ name: String) throws {
        let expected = try #require(Self.expectations[name])
        var path = Fixtures.url("bad-input/\(name)").path
        if name.hasPrefix("generated-") {
            let field = String(repeating: "Radweg ", count: 10 * 1024 * 1024 / 7)
            path = Fixtures.temporaryFile(name, "id,text\n1,\"\(field)\"\n2,normal\n").path
        }
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            ["run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", path, "--out", out.path, "--quiet"])
        #expect(result.status == expected.exit, "\(name) (\(expected.note)): \(result.standardError)")
        guard expected.exit == 0 else {
            #expect(result.standardError.contains(name), "the error names the file")
            return
        }
        let read = expected.accepted + expected.rejected
        #expect(
            result.standardOutput.contains("read \(read) rows: \(expected.accepted) accepted + \(expected.rejected) rejected"),
            "\(name) (\(expected.note)): \(result.standardOutput)")
        let rejectedLines = try String(contentsOf: out.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(rejectedLines.count == expected.rejected)
        for line in rejectedLines {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(row?["file"] as? String != nil && row?["line"] as? Int != nil && row?["reason"] as? String != nil)
        }
    }

    /// The largest comment the suite runs through the whole analysis: 200,000 characters of real
    /// sentences (`--max-text-length` raised to allow it), next to a normal one. README, "Limits".
    @Test func aCommentOfTwoHundredThousandCharactersIsAnalysed() throws {
        let sentence = "Die Stadt sollte Gründer:innen mit Räumen, Glasfaser und einer Anlaufstelle im Technologiepark helfen. "
        let long = String(String(repeating: sentence, count: 200_000 / sentence.count + 1).prefix(200_000))
        let path = Fixtures.temporaryFile("long.csv", "id,goal,text\n1,mobil,\"\(long)\"\n2,mobil,Mehr Radwege bitte\n").path
        let out = Fixtures.temporaryFolder()
        let result = try CommandLineRunner.run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", path, "--out", out.path, "--quiet",
                "--max-text-length", "200000",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("read 2 rows: 2 accepted + 0 rejected"), "\(result.standardOutput)")
        let report = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(report.contains("Technologiepark"))
    }
}
