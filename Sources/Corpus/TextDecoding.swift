import Foundation

/// Turns file bytes into text: UTF-8 (byte-order mark skipped) or Windows-1252.
///
/// With `.auto`, bytes that are valid UTF-8 are read as UTF-8 and all other bytes as
/// Windows-1252, which is what Excel writes in German offices ("Stra\u{DF}e" as the single byte
/// 0xDF). Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); a file with
/// one of them is not text and is refused. When `.auto` falls back to Windows-1252, the result
/// carries a note with the line of the first byte that is not UTF-8, because a file that mixes
/// both encodings then shows `Ã¼` for `ü` in its UTF-8 parts.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: CommentReadOptions.Encoding
        var note: (line: Int, message: String)?
    }

    static func decode(_ data: Data, encoding: CommentReadOptions.Encoding, path: String)
        throws(CorpusError) -> Decoded
    {
        var bytes = data
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: bom) { bytes = bytes.dropFirst(3) }
        switch encoding {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .undecodable(path: path, encoding: "UTF-8")
            }
            return Decoded(text: text, encoding: .utf8)
        case .windows1252:
            return Decoded(text: try windows1252(bytes, path: path), encoding: .windows1252)
        case .auto:
            if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: .utf8) }
            let line = 1 + bytes.prefix(firstInvalidUTF8Offset(bytes)).filter { $0 == 0x0A }.count
            return Decoded(
                text: try windows1252(bytes, path: path), encoding: .windows1252,
                note: (line, "not valid UTF-8 from this line on; the file was read as Windows-1252 (choose with --encoding)"))
        }
    }

    /// Offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: Data) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        var scalarStart = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalarStart += UTF8.width(scalar)
                offset = scalarStart
            case .emptyInput:
                break loop
            case .error:
                return offset
            }
        }
        return offset
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
