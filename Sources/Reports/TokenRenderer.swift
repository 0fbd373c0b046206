import Foundation
import TextAnalysis

/// Renders the analyzer's view of a text for `resonanz tokenize`.
public enum TokenRenderer {
    /// One JSON array, one object per token, with the contract's fields first:
    /// `surface`, `start`, `end` (UTF-8 byte offsets), `kind`, `norm`, `stem`, `stop`, `parts`;
    /// then `display` and, when set, `suspended_hyphen` and `gender_form`.
    public static func json(_ tokens: [Token]) -> String {
        JSONWriter.pretty(.array(tokens.map(value)))
    }

    static func value(_ token: Token) -> JSONValue {
        var members = [
            JSONMember("surface", .string(token.surface)),
            JSONMember("start", .int(token.start)),
            JSONMember("end", .int(token.end)),
            JSONMember("kind", .string(token.kind.rawValue)),
            JSONMember("norm", .string(token.norm)),
            JSONMember("stem", .string(token.stem)),
            JSONMember("stop", .bool(token.isStopword)),
            JSONMember("parts", .array(token.parts.map { .string($0.display) })),
            JSONMember("display", .string(token.display)),
        ]
        if let hyphen = token.suspendedHyphen {
            members.append(JSONMember("suspended_hyphen", .string(hyphen.rawValue)))
        }
        if token.foldedGenderForm {
            members.append(JSONMember("gender_form", .bool(true)))
        }
        return .object(members)
    }

    /// A plain table, one token per line: surface, kind, norm, stem, flags, parts.
    public static func table(_ tokens: [Token]) -> String {
        let rows = tokens.map { token -> [String] in
            var flags: [String] = []
            if token.isStopword { flags.append("stop") }
            if token.foldedGenderForm { flags.append("gender") }
            if let hyphen = token.suspendedHyphen { flags.append("hyphen:\(hyphen.rawValue)") }
            let shown = token.display == token.surface ? token.surface : "\(token.surface) → \(token.display)"
            return [
                shown, token.kind.rawValue, token.norm, token.stem, flags.joined(separator: ","),
                token.parts.map(\.display).joined(separator: " + "),
            ]
        }
        let header = ["surface", "kind", "norm", "stem", "flags", "parts"]
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
