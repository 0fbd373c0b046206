import Foundation

/// Runs the built `resonanz` executable and captures what it prints.
public enum CommandLineRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The built executable: `RESONANZ_BINARY`, or the debug build of the repository.
    public static var executable: URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["RESONANZ_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("resonanz"))
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug/resonanz"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `resonanz arguments…` in the repository root, with `environment` added.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = try makeProcess(arguments, environment: environment)
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        // Standard error is read on a thread of its own: a program that fills one pipe while the
        // test waits on the other would otherwise never finish.
        let errorBox = DataBox()
        let reader = Thread { errorBox.data = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let errorData = errorBox.data
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

extension CommandLineRunner {
    /// Starts `resonanz arguments…` in the repository root and returns at once, for a command
    /// that is to wait (on a lock); what it prints is discarded.
    public static func start(_ arguments: [String]) throws -> Process {
        let process = try makeProcess(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The built program with `arguments`, run in the repository root with `environment` added.
    static func makeProcess(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        guard let executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "build resonanz first (swift build)"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        // No system thesaurus: the suite's figures must not depend on what the machine has
        // installed (a test that wants synonyms names its own file).
        process.environment = ProcessInfo.processInfo.environment.merging(["RESONANZ_THESAURUS": ""]) { $1 }
            .merging(environment) { $1 }
        return process
    }
}

/// The bytes a reader thread hands back; read only after the thread has finished.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
