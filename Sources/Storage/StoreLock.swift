import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a store, so that only one run writes it at a time.
///
/// The lock is `flock(2)` on `<store>.lock`: the kernel releases it when the process ends, even
/// when it is killed, so a crashed run never leaves a stale lock behind. The lock file holds the
/// holder's process id and start time, for the message the next run prints.
public final class StoreLock {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock for the store at `storePath`; with `wait`, blocks until it is free,
    /// otherwise fails at once with ``StorageError/locked(path:holder:)``.
    public init(storePath: String, wait: Bool, now: String) throws(StorageError) {
        path = storePath + ".lock"
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
