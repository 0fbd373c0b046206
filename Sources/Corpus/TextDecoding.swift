import Foundation

/// Turns file bytes into text: UTF-8 (byte-order mark skipped) or Windows-1252.
///
/// With `.auto`, bytes that are valid UTF-8 are read as UTF-8 and all other bytes as
/// Windows-1252, which is what Excel writes in German offices ("Stra\u{DF}e" as the single byte
/// 0xDF). Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); a file with
/// one of them is not text and is refused.
enum TextDecoding {
    static func decode(_ data: Data, encoding: CommentReadOptions.Encoding, path: String)
        throws(CorpusError) -> (text: String, encoding: CommentReadOptions.Encoding)
    {
        var bytes = data
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: bom) { bytes = bytes.dropFirst(3) }
        switch encoding {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .undecodable(path: path, encoding: "UTF-8")
            }
            return (text, .utf8)
        case .windows1252:
            return (try windows1252(bytes, path: path), .windows1252)
        case .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
            return (try windows1252(bytes, path: path), .windows1252)
        }
    }

    private static func windows1252(_ bytes: Data, path: String) throws(CorpusError) -> String {
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        guard !bytes.contains(where: { undefined.contains($0) }),
            let text = String(data: bytes, encoding: .windowsCP1252)
        else {
            throw .undecodable(path: path, encoding: "Windows-1252")
        }
        return text
    }
}
