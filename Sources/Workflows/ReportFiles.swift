import Analytics
import Foundation
import Reports

/// Writes every report file of a run into the output folder, so that nobody reads half a report.
///
/// The files are first written into `.staging-<pid>/` inside the output folder, then renamed
/// into place one by one (a rename within one file system is atomic), `report.json` last, so a
/// reader sees each file whole, old or new. Goal pages of goals the framework no longer has are
/// removed. Staging folders left by a killed run are removed by the next one.
public enum ReportFiles {
    /// Writes report.json, report.md, goals/*.md, assignments.csv and rejected.jsonl. Returns the
    /// paths written, relative to `folder`.
    public static func write(_ result: RunResult, to folder: URL) throws(ResonanzError) -> [String] {
        var files = MarkdownReportRenderer.render(result)
        files.append(("assignments.csv", AssignmentsCSVRenderer.render(result)))
        files.append(("rejected.jsonl", RejectedRowsRenderer.render(result.rejected)))
        files.append(("report.json", JSONReportRenderer.render(result)))

        removeStaleStaging(in: folder)
        let staging = folder.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        for file in files {
            try FileOutput.write(file.content, to: staging.appendingPathComponent(file.path))
        }
        for (index, file) in files.enumerated() {
            let target = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(staging.appendingPathComponent(file.path).path, target.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                }
            } catch {
                throw .failed("\(target.path): cannot move the report into place: \(error.localizedDescription)")
            }
            if index == 0 { CrashPoint.midReports.reach() }
        }
        try? FileManager.default.removeItem(at: staging)

        let goalFolder = folder.appendingPathComponent("goals")
        let current = Set(files.map(\.path))
        if let names = try? FileManager.default.contentsOfDirectory(atPath: goalFolder.path) {
            for name in names where name.hasSuffix(".md") && !current.contains("goals/\(name)") {
                try? FileManager.default.removeItem(at: goalFolder.appendingPathComponent(name))
            }
        }
        return files.map(\.path)
    }

    /// Removes `.staging-*` folders a killed run left behind.
    static func removeStaleStaging(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".staging-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
