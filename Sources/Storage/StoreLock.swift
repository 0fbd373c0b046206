import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a store, so that only one run writes it at a time.
///
/// The lock is `flock(2)` on `<store>.lock` beside the store's resolved path
/// (``resolvedPath(_:)``): two runs that name one store through different paths or symbolic
/// links take the same lock. The kernel releases it when the process ends, even when it is
/// killed, so a crashed run never leaves a stale lock behind. The lock file holds the holder's
/// process id and start time, for the message the next run prints.
public final class StoreLock {
    private let descriptor: Int32
    public let path: String

    /// The path with every symbolic link and `.`/`..` resolved (`realpath(3)`); for a store that
    /// does not exist yet, its folder resolved and its name appended (a dangling link is followed
    /// to where it points). Unchanged when the folder does not exist either.
    public static func resolvedPath(_ path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        let url = URL(fileURLWithPath: path)
        var name = url.lastPathComponent
        var folder = url.deletingLastPathComponent().path
        // A link to a store not created yet: where it points.
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            let targetURL = URL(fileURLWithPath: target, relativeTo: url.deletingLastPathComponent())
            name = targetURL.lastPathComponent
            folder = targetURL.deletingLastPathComponent().path
        }
        guard let resolvedFolder = realPath(folder) else { return path }
        return URL(fileURLWithPath: resolvedFolder).appendingPathComponent(name).path
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Takes the lock for the store at `storePath` (resolved); with `wait`, blocks until it is
    /// free, otherwise fails at once with ``StorageError/locked(path:holder:)``.
    public init(storePath: String, wait: Bool, now: String) throws(StorageError) {
        path = Self.resolvedPath(storePath) + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .lockUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let reason = errno
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw .locked(path: storePath, holder: holder.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown process")
            }
            throw .lockUnavailable(path: path, reason: String(cString: strerror(reason)))
        }
        let note = "pid \(getpid()), started \(now)\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
