import Analytics
import Foundation
import Reports

/// Writes every report file of a run into the output folder, so that nobody reads half a file
/// and a failed run never leaves a mix of two runs' files.
///
/// ``stage(_:in:templates:language:extra:threads:)`` renders all files into `.staging-<pid>/`
/// inside the output folder and adds `manifest.json`, which names the run and every file of the
/// set with its size. ``publish(_:)`` renames them into place one by one (a rename within one
/// file system is atomic), `report.json` and then `manifest.json` last, after keeping a hard link
/// to each file it replaces in `.previous-<pid>/`. When a rename fails, the files already
/// renamed are put back from there, so the folder holds the earlier run's set, whole; then the
/// error is thrown. After a complete publish, the files the earlier `manifest.json` named that
/// the new set lacks (an export not asked for again, pages of a dropped goal) are removed, and so
/// are goal pages and charts of goals the framework no longer has. A reader sees each file whole, old or new; during the moment of the
/// renames the files may be of two runs, which `manifest.json` (written last) and `run.id` in
/// report.json tell. Staging and previous folders of processes that no longer live are removed.
public enum ReportFiles {
    /// Report files rendered and written to a staging folder, not yet in place.
    public struct Staged: Sendable {
        public var folder: URL
        public var staging: URL
        /// Paths relative to `folder`, in publishing order.
        public var paths: [String]
    }

    /// - Parameters:
    ///   - extra: further files to publish with the reports (exports), before report.json;
    ///   - threads: for rendering (``ReportSet/write(_:language:templates:threads:to:)``).
    public static func stage(
        _ result: RunResult, in folder: URL, templates: ReportTemplates, language: ReportLanguage = .de,
        extra: [(path: String, content: String)] = [], threads: Int = 1
    ) throws(ResonanzError) -> Staged {
        removeAbandoned(in: folder)
        let staging = folder.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        let destination = StagingFolder(staging)
        var paths = ReportSet.write(result, language: language, templates: templates, threads: threads, to: destination)
        let others =
            extra + [("rejected.jsonl", RejectedRowsRenderer.render(Redactor(language: language).redact(result.rejected)))]
        for file in others { destination.write(file.path) { emit in emit(file.content) } }
        if let failure = destination.failure { throw failure }
        paths.insert(contentsOf: others.map(\.path), at: paths.count - 1)
        let manifest = manifestJSON(runID: result.manifest.id, paths: paths, staging: staging)
        destination.write(manifestName) { emit in emit(manifest) }
        if let failure = destination.failure { throw failure }
        return Staged(folder: folder, staging: staging, paths: paths + [manifestName])
    }

    static let manifestName = "manifest.json"

    /// `{"run_id": …, "files": [{"path": …, "bytes": …}, …]}`: the set a complete publish leaves.
    static func manifestJSON(runID: String, paths: [String], staging: URL) -> String {
        let files = paths.map { path -> JSONValue in
            let size =
                (try? FileManager.default.attributesOfItem(atPath: staging.appendingPathComponent(path).path)[.size] as? Int) ?? 0
            return .object([JSONMember("path", .string(path)), JSONMember("bytes", .int(size))])
        }
        return JSONWriter.pretty(.object([JSONMember("run_id", .string(runID)), JSONMember("files", .array(files))]))
    }

    /// The paths the folder's `manifest.json` names, each checked to lie inside the folder
    /// (relative, no `..`); none when there is no readable manifest.
    static func manifestPaths(in folder: URL) -> [String] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(manifestName)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [[String: Any]]
        else { return [] }
        return files.compactMap { $0["path"] as? String }.filter { path in
            !path.isEmpty && !path.hasPrefix("/")
                && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                    $0.isEmpty || $0 == ".." || $0 == "."
                }
        }
    }

    public static func publish(_ staged: Staged) throws(ResonanzError) {
        let fileManager = FileManager.default
        let previous = staged.folder.appendingPathComponent(".previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: previous)
        let earlierSet = manifestPaths(in: staged.folder)
        var placed: [(target: URL, kept: URL?)] = []
        /// Puts back what was replaced, newest first; the folder is then as before the publish.
        func rollBack() {
            for (target, kept) in placed.reversed() {
                if let kept {
                    _ = rename(kept.path, target.path)
                } else {
                    unlink(target.path)
                }
            }
            try? fileManager.removeItem(at: previous)
        }
        for (index, path) in staged.paths.enumerated() {
            let target = staged.folder.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                rollBack()
                throw .failed("\(target.path): cannot create the folder: \(error.localizedDescription)")
            }
            var kept: URL? = nil
            if fileManager.fileExists(atPath: target.path) {
                let copy = previous.appendingPathComponent(path)
                try? fileManager.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                if link(target.path, copy.path) == 0 || (try? fileManager.copyItem(at: target, to: copy)) != nil {
                    kept = copy
                }
            }
            if rename(staged.staging.appendingPathComponent(path).path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                rollBack()
                throw .failed("\(target.path): cannot move the report into place: \(reason); the earlier reports were kept")
            }
            placed.append((target, kept))
            if index == 0 { CrashPoint.midReports.reach() }
        }
        try? fileManager.removeItem(at: staged.staging)
        try? fileManager.removeItem(at: previous)
        let current = Set(staged.paths)
        // Files of the earlier set that this one does not have (an export not asked for again,
        // a goal dropped): they would show what the reports no longer say.
        for path in earlierSet where !current.contains(path) {
            try? fileManager.removeItem(at: staged.folder.appendingPathComponent(path))
        }
        // Pages and charts of goals the framework no longer has (and per-goal charts of the
        // layout before charts/goals/).
        for (folderName, suffix) in [("goals", ".md"), ("charts", ".svg"), ("charts/goals", ".svg")] {
            let folder = staged.folder.appendingPathComponent(folderName)
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasSuffix(suffix) && !current.contains("\(folderName)/\(name)") {
                try? fileManager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Stages and publishes at once (for `resonanz report`).
    public static func write(
        _ result: RunResult, to folder: URL, templates: ReportTemplates, language: ReportLanguage = .de,
        extra: [(path: String, content: String)] = [], threads: Int = 1
    ) throws(ResonanzError) -> [String] {
        let staged = try stage(result, in: folder, templates: templates, language: language, extra: extra, threads: threads)
        try publish(staged)
        return staged.paths
    }

    /// Removes `.staging-<pid>` and `.previous-<pid>` folders whose process has ended (a killed
    /// run's leftovers); folders of running processes are left alone.
    static func removeAbandoned(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let prefix = [".staging-", ".previous-"].first(where: { name.hasPrefix($0) }),
                let pid = Int32(name.dropFirst(prefix.count)), pid != ProcessInfo.processInfo.processIdentifier
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}

/// The staging folder as a ``ReportDestination``: each file written piece by piece as it is
/// rendered; the first failure is kept for ``ReportFiles/stage(_:in:templates:language:extra:threads:)``
/// to throw (a renderer cannot), and later files are then skipped.
private final class StagingFolder: ReportDestination, @unchecked Sendable {
    let folder: URL
    // Guarded by `lock`: the report parts are written from several threads.
    private var firstFailure: ResonanzError?
    private let lock = NSLock()

    init(_ folder: URL) {
        self.folder = folder
    }

    var failure: ResonanzError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    func write(_ path: String, render: ((String) -> Void) -> Void) {
        guard failure == nil else { return }
        let url = folder.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ResonanzError.failed("\(url.path): cannot create the file")
            }
            let handle = try FileHandle(forWritingTo: url)
            var pieceError: (any Error)?
            render { piece in
                guard pieceError == nil else { return }
                do { try handle.write(contentsOf: Data(piece.utf8)) } catch { pieceError = error }
            }
            try handle.close()
            if let pieceError { throw pieceError }
        } catch {
            let failure = error as? ResonanzError ?? .failed("\(url.path): cannot write: \(error.localizedDescription)")
            lock.lock()
            if firstFailure == nil { firstFailure = failure }
            lock.unlock()
        }
    }
}
