import Foundation

/// Reads a folder of `.txt` files: one comment per file, id = the file name without `.txt`, goal =
/// the name of the file's parent folder when that names a goal (its id or title; the contract). Two files with the
/// same name in different folders would be one id: the second is rejected, naming the first, so
/// that ids stay the same from one night to the next. Files are read in the order of their
/// paths, so the result does not depend on the file system.
enum TextFolderReader {
    static func read(
        _ folder: URL, goals: GoalMatcher, encoding: CommentReadOptions.Encoding, into acceptor: inout RowAcceptor
    )
        throws(CorpusError)
    {
        let folderPath = CommentReader.displayPath(folder)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw .unreadable(path: folderPath, reason: "cannot list the folder")
        }
        let base = folder.standardizedFileURL.path
        var files: [(url: URL, relative: String)] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "txt" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count)).trimmingCharacters(
                in: CharacterSet(charactersIn: "/"))
            files.append((url, relative))
        }
        files.sort { $0.relative < $1.relative }
        var firstPath: [String: String] = [:]
        for file in files {
            let source = SourceLocation(file: folderPath + "/" + file.relative, line: 1)
            let id = file.url.deletingPathExtension().lastPathComponent
            if let earlier = firstPath[id] {
                acceptor.reject(
                    source, id: id,
                    reason: "the file name \(Untrusted.quoted(id)) is the id of \(earlier) already (file names are the ids)",
                    excerpt: "")
                continue
            }
            firstPath[id] = source.file
            let data = try CommentReader.readData(file.url)
            let text: String
            do {
                let decoded = try TextDecoding.decode(data, encoding: encoding, path: source.file)
                if let note = decoded.note { acceptor.warn(source, id: id, note.message, kind: .encoding) }
                text = decoded.text
            } catch {
                acceptor.reject(source, id: id, reason: error.description, excerpt: "")
                continue
            }
            let parent = file.url.deletingLastPathComponent().lastPathComponent
            acceptor.accept(
                RawRecord(source: source, id: id, text: text, goal: goals.goal(for: parent)))
        }
    }
}
