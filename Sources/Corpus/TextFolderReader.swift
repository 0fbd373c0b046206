import Foundation

/// Reads a folder of `.txt` files: one comment per file, id = file name without `.txt`,
/// goal = the name of the file's parent folder when that is a goal id. Files are read in the
/// order of their paths, so the result does not depend on the file system.
enum TextFolderReader {
    static func read(_ folder: URL, goalIDs: Set<String>, into acceptor: inout RowAcceptor) throws(CorpusError) {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw .unreadable(path: folder.path, reason: "cannot list the folder")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "txt" {
            files.append(url)
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let source = SourceLocation(file: url.path, line: 1)
            let data = try CommentReader.readData(url)
            let text: String
            do {
                text = try TextDecoding.decode(data, encoding: .auto, path: url.path).text
            } catch {
                acceptor.reject(source, id: nil, reason: error.description, excerpt: "")
                continue
            }
            let parent = url.deletingLastPathComponent().lastPathComponent
            acceptor.accept(
                RawRecord(
                    source: source, id: url.deletingPathExtension().lastPathComponent, text: text,
                    goal: goalIDs.contains(parent) ? parent : nil))
        }
    }
}
