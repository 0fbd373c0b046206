import Analytics
import Foundation
import TextAnalysis

/// Paths and shared resources for tests.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file below `Tests/Fixtures`.
    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    /// A file below the repository root.
    public static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// The shipped word lists, loaded once.
    public static let resources: AnalyzerResources = {
        do {
            return try AnalyzerResources.load(from: repositoryRoot)
        } catch {
            preconditionFailure("the repository's word lists must load: \(error)")
        }
    }()

    /// The shipped confidence model (`models/assignment-confidence.json`), loaded once.
    public static let confidenceModel: ConfidenceModel = {
        do {
            let data = try Data(contentsOf: repositoryFile("models/assignment-confidence.json"))
            return try JSONDecoder().decode(ConfidenceModel.self, from: data)
        } catch {
            preconditionFailure("the repository's confidence model must load: \(error)")
        }
    }()

    /// `../shared/data` next to the repository, when it is there.
    public static var sharedData: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The Jena strategy text in `../shared/strategy`, when it is there.
    public static var sharedStrategy: URL? {
        let url = repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/strategy/jena-digitalstrategie-handlungsfeld-4.txt")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A new empty temporary folder, inside the test process's own folder
    /// (``temporaryRoot``), which is removed when the process exits.
    public static func temporaryFolder(_ name: String = #function) -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `resonanz-tests-<pid>` in the system's temporary folder. Made on first use, together with an
    /// exit handler that removes it and everything the tests wrote into it: a `make test` makes
    /// some 750 folders, and each run used to leave them all behind.
    public static let temporaryRoot: URL = {
        let url = URL(fileURLWithPath: temporaryRootPath, isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryRootPath) }
        return url
    }()

    private static let temporaryRootPath: String = FileManager.default.temporaryDirectory
        .appendingPathComponent("resonanz-tests-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Writes `text` to a new temporary file named `name` and returns its URL.
    public static func temporaryFile(_ name: String, _ text: String) -> URL {
        let url = temporaryFolder().appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url
    }

    /// Compares `produced` with the snapshot recorded in `file`: nil when they agree, else the
    /// lines that differ (``lineDiff(_:_:limit:)``). With `RESONANZ_UPDATE_SNAPSHOTS=1` in the
    /// environment the snapshot is rewritten with `produced` instead, and nil returned.
    public static func snapshotDifference(_ produced: String, recordedIn file: URL) throws -> String? {
        if ProcessInfo.processInfo.environment["RESONANZ_UPDATE_SNAPSHOTS"] == "1" {
            try produced.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        return produced == recorded ? nil : lineDiff(recorded, produced)
    }

    /// The lines that differ between `expected` and `actual`, as `-` and `+` lines with their line
    /// numbers (at most `limit` of them), for a failure message that says what changed.
    public static func lineDiff(_ expected: String, _ actual: String, limit: Int = 40) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [(Int, String)] = []
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, let element, _): lines.append((offset, "-\(offset + 1): \(element.prefix(300))"))
            case .insert(let offset, let element, _): lines.append((offset, "+\(offset + 1): \(element.prefix(300))"))
            }
        }
        let shown = lines.sorted { $0.0 < $1.0 }.prefix(limit).map(\.1)
        return shown.joined(separator: "\n") + (lines.count > limit ? "\n… \(lines.count - limit) more" : "")
    }

    /// `text` as a quoted CSV cell. Quotes are doubled scalar by scalar: `replacingOccurrences`
    /// compares Characters and misses a quote that a combining mark follows (`"` + U+0300).
    public static func csvQuoted(_ text: String) -> String {
        var cell = String.UnicodeScalarView(["\""])
        for scalar in text.unicodeScalars {
            cell.append(scalar)
            if scalar == "\"" { cell.append(scalar) }
        }
        cell.append("\"")
        return String(cell)
    }
}
