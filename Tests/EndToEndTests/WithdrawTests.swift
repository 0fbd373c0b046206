import Foundation
import Storage
import Testing
import _TestSupport

/// `resonanz withdraw` and `run --complete-export`: a withdrawn comment leaves no byte of its
/// text in the store or the output folder, stays out when a later export brings it again, and
/// is counted in the report.
@Suite(.serialized)
struct WithdrawTests {
    let framework = "Tests/Fixtures/mini/framework.yaml"

    /// Words found in no framework text and no other comment: one from each version of the
    /// comment, one from its author, one from a rejected row that carries its id.
    static let firstVersion = "Im Schulhaus Quittenweg fehlt das WLAN, die Tablets sind kaputt."
    static let secondVersion = "Im Schulhaus Quittenweg fehlt das WLAN, sagt Frau Zilinski."
    static let secrets = ["Quittenweg", "Zilinski", "Xaverius", "Zuckerwatte"]

    static func night(_ text: String, extra: String = "") -> String {
        """
        id;goal;created_at;author;text
        m01;mobil;2026-10-01T09:00:00;anna;Wir brauchen sichere Radwege und eine Fahrradstraße vor der Schule!
        m02;mobil;2026-10-01T10:00;ben;Der Bus kommt viel zu selten, die Haltestelle am Markt ist nicht barrierefrei.
        m05;bildung;2026-10-03;Xaverius;\(text)
        m06;bildung;2026-10-03;fritz;Ich bin 74 und hätte gern einen Kurs zum Smartphone, gern im Bürgerhaus Wenigenjena.
        \(extra)
        """
    }

    func run(_ files: [URL], out: URL, epoch: String, extra: [String] = []) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["run", "--framework", framework, "--comments"] + files.map(\.path) + ["--out", out.path, "--quiet"] + extra,
            environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    func withdraw(_ arguments: [String], out: URL, epoch: String = "1760200000") throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(
            ["withdraw"] + arguments + ["--framework", framework, "--out", out.path, "--quiet"],
            environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    /// Every file under `folder` (the store, its -wal and -shm, the reports, exports, review
    /// files) that holds one of `words` in its bytes.
    func files(in folder: URL, holding words: [String]) throws -> [String] {
        let needles = words.map { Data($0.utf8) }
        var found: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let data = try Data(contentsOf: url)
            for (word, needle) in zip(words, needles) where data.range(of: needle) != nil {
                found.append("\(url.lastPathComponent): \(word)")
            }
        }
        return found.sorted()
    }

    func report(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aWithdrawnCommentLeavesNoByteOfItsTextInTheStoreOrTheOutput() throws {
        let out = Fixtures.temporaryFolder()
        let inputs = Fixtures.temporaryFolder()
        let first = inputs.appendingPathComponent("night1.csv")
        let second = inputs.appendingPathComponent("night2.csv")
        try Data(Self.night(Self.firstVersion).utf8).write(to: first)
        // The edit keeps the first version in the store; the overlong row with the same id is
        // rejected and kept with its excerpt.
        let overlong = "m05;bildung;2026-10-04;Xaverius;" + String(repeating: "Zuckerwatte ", count: 40)
        try Data(Self.night(Self.secondVersion, extra: overlong).utf8).write(to: second)
        #expect(try run([first], out: out, epoch: "1760000000", extra: ["--export", "research"]).status == 0)
        let night2 = try run(
            [second], out: out, epoch: "1760086400", extra: ["--export", "research", "--max-text-length", "300"])
        #expect(night2.status == 0, "\(night2.standardError)")
        #expect(night2.standardOutput.contains("changed 1"))
        let queue = try CommandLineRunner.run(["review", "queue", "--framework", framework, "--out", out.path])
        #expect(queue.status == 0, "\(queue.standardError)")
        #expect(try files(in: out, holding: Self.secrets).count > 4, "the words are there before")

        let result = try withdraw(["m05", "--reason", "Löschung auf Wunsch"], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("withdrew 1 of 1 comments"))
        #expect(try files(in: out, holding: Self.secrets) == [])
        // The reports are whole and count it; research/ of the earlier run is gone with the set.
        let stats = try #require(try report(out)["run"] as? [String: Any])
        #expect(stats["comments_withdrawn"] as? Int == 1)
        #expect(stats["comments_analysed"] as? Int == 3)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("research/docs.tsv").path))
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("1 Beitrag wurde zurückgezogen"))

        // A later export that still holds the comment does not bring it back.
        let again = try run([second], out: out, epoch: "1760300000", extra: ["--max-text-length", "300"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("withdrawn earlier 1"), "\(again.standardOutput)")
        let comments = try #require(try report(out)["comments"] as? [[String: Any]])
        #expect(!comments.contains { $0["id"] as? String == "m05" })
        let store = try Store(path: out.appendingPathComponent("resonanz.sqlite").path)
        #expect(try store.commentIDs() == ["m01", "m02", "m06"])
        #expect(try store.tombstones()["m05"]?.reason == "Löschung auf Wunsch")
    }

    @Test func aCompleteExportWithdrawsWhatItNoLongerHolds() throws {
        let out = Fixtures.temporaryFolder()
        let full = Fixtures.temporaryFile("full.csv", Self.night(Self.firstVersion))
        #expect(try run([full], out: out, epoch: "1760000000").status == 0)
        let shorter = Fixtures.temporaryFile(
            "shorter.csv",
            Self.night(Self.firstVersion).split(separator: "\n").filter { !$0.hasPrefix("m06;") }.joined(separator: "\n"))
        // Without the flag a missing comment stays (an export of new comments only).
        let partial = try run([shorter], out: out, epoch: "1760086400")
        #expect(partial.status == 0)
        #expect(try Store(path: out.appendingPathComponent("resonanz.sqlite").path).commentIDs().contains("m06"))
        // An empty "complete" export is a failed download, not a consultation deleted whole.
        let empty = Fixtures.temporaryFile("empty.csv", "")
        let failed = try run([empty], out: out, epoch: "1760100000", extra: ["--complete-export"])
        #expect(failed.status == 0)
        #expect(failed.standardError.contains("the complete export holds no comment: nothing withdrawn"))
        #expect(try Store(path: out.appendingPathComponent("resonanz.sqlite").path).commentIDs().count == 4)
        let complete = try run([shorter], out: out, epoch: "1760172800", extra: ["--complete-export"])
        #expect(complete.status == 0, "\(complete.standardError)")
        #expect(complete.standardOutput.contains("withdrew 1 missing from the complete export"), "\(complete.standardOutput)")
        #expect(try files(in: out, holding: ["Wenigenjena"]) == [])
        let stats = try #require(try report(out)["run"] as? [String: Any])
        #expect(stats["comments_withdrawn"] as? Int == 1)
    }

    @Test func anIdTheStoreNeverHeldIsKeptOutOfLaterExports() throws {
        let out = Fixtures.temporaryFolder()
        let file = Fixtures.temporaryFile("night.csv", Self.night(Self.firstVersion))
        #expect(try run([file], out: out, epoch: "1760000000").status == 0)
        let list = Fixtures.temporaryFile("ids.txt", "# Anträge vom 3.12.\nm99\n\n")
        let result = try withdraw(["--ids-file", list.path], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("withdrew 0 of 1 comments (1 not in the store"))
        let later = Fixtures.temporaryFile(
            "later.csv", Self.night(Self.firstVersion, extra: "m99;mobil;2026-10-05;zoe;Radwege am Fluss"))
        let next = try run([later], out: out, epoch: "1760300000")
        #expect(next.standardOutput.contains("withdrawn earlier 1"))
        #expect(try files(in: out, holding: ["Radwege am Fluss"]) == [])
    }

    @Test func aWithdrawalWaitsForTheLockOrExitsWithTwo() throws {
        let out = Fixtures.temporaryFolder()
        let file = Fixtures.temporaryFile("night.csv", Self.night(Self.firstVersion))
        #expect(try run([file], out: out, epoch: "1760000000").status == 0)
        let storePath = out.appendingPathComponent("resonanz.sqlite").path
        var lock: StoreLock? = try StoreLock(storePath: storePath, wait: false, now: "test")
        let refused = try withdraw(["m05"], out: out)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("another resonanz run is using this store"))
        #expect(try files(in: out, holding: ["Quittenweg"]).count > 0, "nothing was withdrawn")

        let waiting = try CommandLineRunner.start([
            "withdraw", "m05", "--framework", framework, "--out", out.path, "--quiet", "--wait",
        ])
        Thread.sleep(forTimeInterval: 1.0)
        #expect(waiting.isRunning)
        lock = nil
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(lock == nil)
        #expect(try files(in: out, holding: ["Quittenweg"]) == [])
    }

    /// Review files show an id with contact details as its pseudonym; they are found by it too.
    @Test func aReviewFileQuotingAPseudonymisedIdIsRemoved() throws {
        let out = Fixtures.temporaryFolder()
        let file = Fixtures.temporaryFile(
            "night.csv",
            Self.night(Self.firstVersion, extra: "anna@example.org;mobil;2026-10-05;anna;Der Pflaumenbaum am Radweg muss weg"))
        #expect(try run([file], out: out, epoch: "1760000000").status == 0)
        let audit = try CommandLineRunner.run(["review", "queue", "--framework", framework, "--out", out.path, "--audit", "5"])
        #expect(audit.status == 0, "\(audit.standardError)")
        #expect(try files(in: out, holding: ["Pflaumenbaum"]).contains("audit.csv: Pflaumenbaum"))
        let result = try withdraw(["anna@example.org"], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("removed audit.csv"))
        #expect(try files(in: out, holding: ["Pflaumenbaum"]) == [])
    }
}
