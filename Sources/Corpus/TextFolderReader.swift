import Foundation

/// Reads a folder of `.txt` files: one comment per file; goal = the name of the file's parent
/// folder when that is a goal id. The id is the file name without `.txt`; when the same name
/// occurs more than once in the folder (one folder per goal, each with a `1.txt`), those files
/// take their path below the folder instead (`mobil/1`). Files are read in the order of their
/// paths, so the result does not depend on the file system.
enum TextFolderReader {
    static func read(_ folder: URL, goalIDs: Set<String>, encoding: CommentReadOptions.Encoding, into acceptor: inout RowAcceptor)
        throws(CorpusError)
    {
        let folderPath = CommentReader.displayPath(folder)
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw .unreadable(path: folderPath, reason: "cannot list the folder")
        }
        let base = folder.standardizedFileURL.path
        var files: [(url: URL, relative: String)] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "txt" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            files.append((url, relative))
        }
        files.sort { $0.relative < $1.relative }
        var nameCounts: [String: Int] = [:]
        for file in files { nameCounts[file.url.deletingPathExtension().lastPathComponent, default: 0] += 1 }
        for file in files {
            let source = SourceLocation(file: folderPath + "/" + file.relative, line: 1)
            let name = file.url.deletingPathExtension().lastPathComponent
            let id = nameCounts[name, default: 0] > 1 ? String(file.relative.dropLast(4)) : name
            let data = try CommentReader.readData(file.url)
            let text: String
            do {
                let decoded = try TextDecoding.decode(data, encoding: encoding, path: source.file)
                if let note = decoded.note { acceptor.warn(source, id: id, note.message) }
                text = decoded.text
            } catch {
                acceptor.reject(source, id: id, reason: error.description, excerpt: "")
                continue
            }
            let parent = file.url.deletingLastPathComponent().lastPathComponent
            acceptor.accept(
                RawRecord(source: source, id: id, text: text, goal: goalIDs.contains(parent) ? parent : nil))
        }
    }
}
