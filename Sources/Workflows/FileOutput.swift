import Foundation
import Storage

/// File writing and hashing for workflows.
public enum FileOutput {
    /// Writes `content` to `url` atomically (a temporary file renamed into place), so a killed run
    /// never leaves a half-written report.
    public static func write(_ content: String, to url: URL) throws(ResonanzError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url, options: .atomic)
        } catch {
            throw .failed("\(url.path): cannot write: \(error.localizedDescription)")
        }
    }

    /// Lower-case hex SHA-256 of the file at `url`.
    static func sha256(of url: URL) throws(ResonanzError) -> String {
        do {
            return ContentHash.sha256(try Data(contentsOf: url))
        } catch {
            throw .badInput("\(url.path): cannot read: \(error.localizedDescription)")
        }
    }

    /// SHA-256 of a folder: of the relative paths and hashes of its files, sorted by path.
    static func sha256(ofFolder url: URL) throws(ResonanzError) -> String {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw .badInput("\(url.path): cannot list the folder")
        }
        var entries: [String] = []
        let prefix = url.standardizedFileURL.path
        for case let file as URL in enumerator
        where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            entries.append(relative + " " + (try sha256(of: file)))
        }
        return ContentHash.sha256(entries.sorted().joined(separator: "\n"))
    }
}
