import Foundation
import TextAnalysis

/// What the fuzz targets share: the input as bytes or text, a scratch file for readers that take a
/// path, invariant checks that crash loudly, and the repository's word lists.
public enum FuzzInput {
    /// The bytes libFuzzer passes (it may pass a dangling pointer with a count of 0).
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes as text: invalid UTF-8 becomes U+FFFD, as the readers' decoding would make it.
    public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String {
        String(decoding: bytes(start, count), as: UTF8.self)
    }
}

/// One file per fuzzing process, rewritten for every input, for the readers that take a path.
public struct ScratchFile: Sendable {
    public let url: URL

    /// A file named `<name>.<pathExtension>` in a folder of this process under the temporary folder.
    public init(pathExtension: String, name: String = "input") {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("resonanz-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent("\(name).\(pathExtension)")
    }

    public func write(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            fatalError("cannot write the scratch file \(url.path)")
        }
    }
}

/// Stops the process when an invariant fails, so that libFuzzer keeps the input as a crash.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}

public enum FuzzResources {
    /// The repository this package lives in (Fuzz/Sources/FuzzSupport/ is three folders down).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The German analyzer's word lists, loaded once per process.
    public static let analyzer: AnalyzerResources = {
        do {
            return try AnalyzerResources.load(from: repositoryRoot)
        } catch {
            fatalError("cannot load the word lists from \(repositoryRoot.path): \(error)")
        }
    }()
}
