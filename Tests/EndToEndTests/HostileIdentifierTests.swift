import Foundation
import GRDB
import Storage
import Testing
import _TestSupport

/// What an attacker found around the comment text (issue "Nothing an export contains can run in a
/// reader's browser, crash a run or slip past redaction"): hostile ids, goal values and file
/// names, goal ids that name report files, a store reached through a link, a failed publish,
/// foreign and damaged stores, error messages that echo input.
@Suite(.serialized)
struct HostileIdentifierTests {
    static let pwn = "document.body.setAttribute('data-pwned','yes')"
    /// Contact details that appear in ids, goal values and file names and must appear in no output.
    static let secrets = ["anna@example.org", "bert@example.org", "3641 999999"]

    func run(_ arguments: [String], out: URL) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(arguments + ["--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    }

    /// A CSV export and a folder of .txt files whose ids, goals and names attack every output.
    func hostileInputs() throws -> (csv: URL, folder: URL) {
        let rows: [(id: String, goal: String, text: String)] = [
            ("x`<img src=x onerror=\"\(Self.pwn)\">`y", "mobil", "Sichere Radwege für alle Kinder"),
            ("<script>\(Self.pwn)</script>", "mobil", "Der Bus kommt zu selten an der Haltestelle"),
            ("<svg onload=\"\(Self.pwn)\">", "bildung", "Tablets für jede Schule"),
            ("anna@example.org", "mobil", "Mehr Busse und Haltestellen am Markt"),
            ("c5", "+49 3641 999999", "Radwege am Ring ausbauen"),
            ("c6", "\u{1B}]0;title\u{7}", "Fahrradstraße vor der Schule"),
            ("c7\u{1B}[31mred", "mobil", "Busse öfter fahren lassen"),
            ("zwei\nZeilen", "mobil", "Radverkehr stärken"),
            ("c9", "mobil", "Text mit Escape \u{1B}[2J und NUL-freiem Rest"),
        ]
        let lines = rows.map { [$0.id, $0.goal, $0.text].map(Fixtures.csvQuoted).joined(separator: ",") }
        let csv = Fixtures.temporaryFile("export.csv", "id,goal,text\n" + lines.joined(separator: "\n") + "\n")
        let folder = Fixtures.temporaryFolder("txt")
        for (name, text) in [
            ("<img src=x onerror=\"\(Self.pwn)\">", "Radwege bitte"), ("bert@example.org", "Schulen digital"),
            ("t\u{1B}]0;t\u{7}", "Bus"),
        ] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".txt"))
        }
        return (csv, folder)
    }

    /// Every file the run wrote (the store aside), by path relative to `out`.
    func outputs(_ out: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                !url.lastPathComponent.hasPrefix("resonanz.sqlite")
            else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(out.standardizedFileURL.path.count + 1))] = try Data(
                contentsOf: url)
        }
        return files
    }

    @Test func hostileIdsGoalsAndFileNamesReachNoOutputRaw() throws {
        let inputs = try hostileInputs()
        let out = Fixtures.temporaryFolder()
        let result = try run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", inputs.csv.path, inputs.folder.path,
                "--export", "research",
            ], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("read 12 rows: 9 accepted + 3 rejected"), "\(result.standardOutput)")
        let files = try outputs(out)
        for name in [
            "report.md", "report.html", "report.json", "assignments.csv", "rejected.jsonl", "research/docs.tsv",
            "research/tokens.jsonl", "goals/mobil.md", "manifest.json",
        ] {
            #expect(files[name] != nil, "\(name) is missing")
        }
        for (name, data) in files {
            #expect(!data.contains(0x1B) && !data.contains(0x00) && !data.contains(0x07), "\(name) holds a control byte")
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.lowercased().contains("\\u001b") && !text.contains("\\u0000"), "\(name) holds an escaped control")
            for secret in Self.secrets { #expect(!text.contains(secret), "\(name) shows \(secret)") }
            if name.hasSuffix(".md") || name.hasSuffix(".html") {
                for markup in ["<img", "<script", "<svg on"] { #expect(!text.contains(markup), "\(name) holds \(markup)") }
            }
        }
        let terminal = result.standardError + result.standardOutput
        #expect(!terminal.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "the terminal got a control character")
        for secret in Self.secrets { #expect(!terminal.contains(secret)) }
        let rejected = String(decoding: try #require(files["rejected.jsonl"]), as: UTF8.self)
        #expect(rejected.contains("contains control characters"))
    }

    @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs Chromium: make test installs it"))
    func noScriptRunsInABrowser() throws {
        let inputs = try hostileInputs()
        let out = Fixtures.temporaryFolder()
        #expect(
            try run(
                [
                    "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", inputs.csv.path, inputs.folder.path,
                    "--quiet",
                ], out: out
            ).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(HTMLReportTests.chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Fixtures.temporaryFolder("chromium").path,
            "--virtual-time-budget=2000", "--dump-dom", out.appendingPathComponent("report.html").absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(dom.contains("id=\"overview\""))
        #expect(!dom.contains("data-pwned=\"yes\""))
        #expect(dom.contains("data-pwned"), "the attack shows as text")
    }

    /// Reports and the review queue show an id that holds an e-mail address as a pseudonym, and
    /// `review import` takes the pseudonym back.
    @Test func aPseudonymousIdCanBeReviewed() throws {
        let inputs = try hostileInputs()
        let out = Fixtures.temporaryFolder()
        let framework = ["--framework", "Tests/Fixtures/mini/framework.yaml"]
        #expect(try run(["run"] + framework + ["--comments", inputs.csv.path, "--quiet"], out: out).status == 0)
        let queueFile = out.appendingPathComponent("queue.csv")
        let queued = try run(["review", "queue"] + framework + ["--count", "50", "--file", queueFile.path], out: out)
        #expect(queued.status == 0, "\(queued.standardError)")
        let queue = try String(contentsOf: queueFile, encoding: .utf8)
        #expect(!queue.contains("anna@example.org"))
        let row = try #require(queue.components(separatedBy: "\r\n").first { $0.hasPrefix("[E-Mail]~") })
        let pseudonym = String(row.prefix { $0 != ";" })
        let decisions = Fixtures.temporaryFile("decisions.csv", "comment_id;measure_id;decision\n\(pseudonym);mobil.bus;accept\n")
        let imported = try run(["review", "import", decisions.path] + framework, out: out)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("1 new"), "\(imported.standardOutput)")
        #expect(!imported.standardError.contains("rejected"), "\(imported.standardError)")
    }

    @Test func goalIdsThatNameReportFilesDoNotCollide() throws {
        let framework = Fixtures.temporaryFile(
            "framework.yaml",
            """
            id: kollision
            title: Kollision
            goals:
              - id: goals
                title: Ziele
                measures:
                  - {id: goals.rad, title: Sichere Radwege}
              - id: topics
                title: Themen
                measures:
                  - {id: topics.bus, title: Busverkehr stärken}
            """)
        let comments = Fixtures.temporaryFile("c.csv", "id,goal,text\n1,goals,Sichere Radwege bitte\n2,topics,Mehr Busse\n")
        let out = Fixtures.temporaryFolder()
        let result = try run(["run", "--framework", framework.path, "--comments", comments.path, "--quiet"], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        for path in [
            "charts/goals.svg", "charts/topics.svg", "charts/goals/goals.svg", "charts/goals/topics.svg", "goals/goals.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
        let staging = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(staging.isEmpty)
    }

    @Test func aStoreReachedThroughALinkIsLockedToo() throws {
        let real = Fixtures.temporaryFolder("real")
        let storePath = real.appendingPathComponent("store.sqlite").path
        let link = Fixtures.temporaryFolder("link").appendingPathComponent("store.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: storePath)
        let held = try StoreLock(storePath: storePath, wait: false, now: "test")
        let out = Fixtures.temporaryFolder()
        let refused = try run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--db", link, "--quiet",
            ], out: out)
        #expect(refused.status == 2, "\(refused.standardError)")
        #expect(refused.standardError.contains("another resonanz run is using this store"))
        withExtendedLifetime(held) {}
    }

    @Test func aFailedPublishKeepsTheEarlierReportsWhole() throws {
        let out = Fixtures.temporaryFolder()
        let framework = ["--framework", "Tests/Fixtures/mini/framework.yaml"]
        #expect(
            try run(["run"] + framework + ["--comments", "Tests/Fixtures/mini/comments.csv", "--quiet"], out: out).status == 0)
        let before = try outputs(out)
        // A folder where assignments.csv goes: its rename fails after report.md and the goal
        // pages were put in place.
        let blocker = out.appendingPathComponent("assignments.csv")
        try FileManager.default.removeItem(at: blocker)
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("x"), withIntermediateDirectories: true)
        let failed = try run(
            ["run"] + framework + [
                "--comments", "Tests/Fixtures/mini/comments.csv", "Tests/Fixtures/mini/comments-night2.csv", "--quiet",
            ],
            out: out)
        #expect(failed.status == 1, "\(failed.standardError)")
        #expect(failed.standardError.contains("the earlier reports were kept"))
        let after = try outputs(out)
        for (name, data) in before where name != "assignments.csv" {
            #expect(after[name] == data, "\(name) changed although the publish failed")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".previous-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aForeignDatabaseIsRefusedAndLeftAlone() throws {
        let folder = Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer TEXT); INSERT INTO invoice VALUES (1, 'x')")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try run(
            [
                "run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", "Tests/Fixtures/mini/comments.csv",
                "--db",
                path, "--quiet",
            ], out: folder.appendingPathComponent("out"))
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("not a Resonanz store"))
        #expect(!result.standardError.contains("invoice"), "the other program's schema is not shown")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDamagedStoreFailsBeforeReportsArePublished() throws {
        let out = Fixtures.temporaryFolder()
        let arguments = [
            "run", "--quiet", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments",
            "Tests/Fixtures/mini/comments.csv",
        ]
        #expect(try run(arguments, out: out).status == 0)
        let path = out.appendingPathComponent("resonanz.sqlite").path
        #expect(
            (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0, "the WAL was truncated")
        // Damage the first page of the index on comment ids.
        let (pageSize, root) = try DatabaseQueue(path: path).read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
                try Int.fetchOne(
                    db, sql: "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comment' LIMIT 1") ?? 2
            )
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0x7F, count: 16))
        try handle.close()
        let report = try Data(contentsOf: out.appendingPathComponent("report.md"))
        let damaged = try run(arguments + ["Tests/Fixtures/mini/comments-night2.csv"], out: out)
        #expect(damaged.status == 1, "\(damaged.standardError)")
        #expect(damaged.standardError.contains("integrity_check"))
        #expect(try Data(contentsOf: out.appendingPathComponent("report.md")) == report)
    }

    @Test func commentsWithoutEvidenceAreUnassignedWithoutCandidates() throws {
        let comments = Fixtures.temporaryFile(
            "c.csv", "id,goal,text\n1,mobil,a\n2,mobil,?\n3,,😀\n4,bildung,...\n5,mobil,Sichere Radwege\n")
        let out = Fixtures.temporaryFolder()
        #expect(
            try run(
                ["run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", comments.path, "--quiet"], out: out
            ).status == 0)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        let results = try #require(report["comments"] as? [[String: Any]])
        for comment in results where comment["id"] as? String != "5" {
            #expect(comment["status"] as? String == "unassigned", "\(comment)")
            #expect((comment["assignments"] as? [Any])?.isEmpty == true, "\(comment)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("assignments.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 4 + 1)
    }

    @Test func errorMessagesQuoteInputShortly() throws {
        let boms = Fixtures.temporaryFile("boms.csv", String(repeating: "\u{FEFF}", count: 100_000) + "\nx\n")
        let out = Fixtures.temporaryFolder()
        let result = try run(
            ["run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", boms.path, "--quiet"], out: out)
        #expect(result.status == 2)
        #expect(result.standardError.count < 600, "\(result.standardError.count) characters")
    }

    @Test func utf16WithoutAByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = []
        for unit in "id,goal,text\n1,mobil,Sichere Radwege für Kinder\n2,bildung,Tablets\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let file = Fixtures.temporaryFolder().appendingPathComponent("utf16.csv")
        try Data(bytes).write(to: file)
        let out = Fixtures.temporaryFolder()
        let result = try run(
            ["run", "--framework", "Tests/Fixtures/mini/framework.yaml", "--comments", file.path, "--quiet"], out: out)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("read 2 rows: 2 accepted + 0 rejected"), "\(result.standardOutput)")
        #expect(result.standardError.contains("UTF-16LE"))
    }
}
