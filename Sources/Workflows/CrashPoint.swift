import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Named points at which a test can have the process killed, to prove that a kill anywhere
/// leaves the store consistent. With `RESONANZ_TEST_KILL_AT=<name>` in the environment the
/// process sends itself SIGKILL when it reaches that point; without it nothing happens.
enum CrashPoint: String {
    case afterLock = "after-lock"
    case beforeCommit = "before-commit"
    case afterCommit = "after-commit"
    case midReports = "mid-reports"
    case afterReports = "after-reports"

    func reach() {
        if ProcessInfo.processInfo.environment["RESONANZ_TEST_KILL_AT"] == rawValue {
            kill(getpid(), SIGKILL)
        }
    }
}
