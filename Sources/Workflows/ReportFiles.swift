import Analytics
import Foundation
import Reports

/// Writes every report file of a run into the output folder, so that nobody reads half a file.
///
/// ``stage(_:in:)`` renders all files into `.staging-<pid>/` inside the output folder;
/// ``publish(_:)`` renames them into place one by one (a rename within one file system is
/// atomic), `report.json` last, and removes goal pages and charts of goals the framework no longer has.
/// A reader sees each file whole, old or new; for a moment between two renames the files may be
/// of two runs (`run.id` in report.json and the date in report.md tell). Staging folders of
/// processes that no longer live are removed.
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
        removeAbandonedStaging(in: folder)
        let staging = folder.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        let destination = StagingFolder(staging)
        var paths = ReportSet.write(result, language: language, templates: templates, threads: threads, to: destination)
        let others = extra + [("rejected.jsonl", RejectedRowsRenderer.render(result.rejected))]
        for file in others { destination.write(file.path) { emit in emit(file.content) } }
        if let failure = destination.failure { throw failure }
        paths.insert(contentsOf: others.map(\.path), at: paths.count - 1)
        return Staged(folder: folder, staging: staging, paths: paths)
    }

    public static func publish(_ staged: Staged) throws(ResonanzError) {
        for (index, path) in staged.paths.enumerated() {
            let target = staged.folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .failed("\(target.path): cannot create the folder: \(error.localizedDescription)")
            }
            if rename(staged.staging.appendingPathComponent(path).path, target.path) != 0 {
                throw .failed("\(target.path): cannot move the report into place: \(String(cString: strerror(errno)))")
            }
            if index == 0 { CrashPoint.midReports.reach() }
        }
        try? FileManager.default.removeItem(at: staged.staging)
        let current = Set(staged.paths)
        for (folderName, suffix) in [("goals", ".md"), ("charts", ".svg")] {
            let folder = staged.folder.appendingPathComponent(folderName)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasSuffix(suffix) && !current.contains("\(folderName)/\(name)") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
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

    /// Removes `.staging-<pid>` folders whose process has ended (a killed run's leftovers);
    /// folders of running processes are left alone.
    static func removeAbandonedStaging(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".staging-") {
            guard let pid = Int32(name.dropFirst(".staging-".count)), pid != ProcessInfo.processInfo.processIdentifier else {
                continue
            }
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
