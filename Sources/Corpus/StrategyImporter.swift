import Foundation

/// Turns a strategy text shaped like the Jena digital strategy into a ``Framework``.
///
/// Shape and rules (whitespace, including no-break spaces, is collapsed first):
/// - a **goal** is a bullet line (`• Title`) that does not describe a measure; the paragraphs
///   after it, up to the line starting "Dazu unterstützen wir", are its description, joined by
///   line breaks;
/// - after "Dazu unterstützen wir", every line starting with `…` or `...` is a **measure**; its
///   title is the line without the ellipsis, without a leading article (`die`, `den`, `der`,
///   `das`, `bei der`, `bei den`) when a capitalised word follows, without final periods and
///   the spaces between them (`Radwege .`), and with a capital first letter; a line of nothing
///   but ellipses, periods and spaces is no measure;
/// - a bullet line right after a measure line is that measure's **description** when it reads
///   like prose: it ends with `.`, `!` or `?`, or is indented deeper than the goal bullets;
/// - text before the first goal is ignored.
/// Ids are readable slugs: for a goal its first two words of four letters or more
/// (`innovations-digitalstandort`), for a measure the goal id, a dot and the same from its title;
/// umlauts become `ae`, `oe`, `ue`, `ß` becomes `ss`, and a clash gets `-2`, `-3` ….
public enum StrategyImporter {
    public static func parse(_ text: String, id: String, title: String) -> Framework {
        struct Line {
            var text: String
            var indent: Int
        }
        let lines = text.components(separatedBy: .newlines).map { raw -> Line in
            let spaced = raw.replacingOccurrences(of: "\u{00A0}", with: " ")
            let indent = spaced.prefix { $0 == " " || $0 == "\t" }.count
            let collapsed = spaced.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return Line(text: collapsed, indent: indent)
        }.filter { !$0.text.isEmpty }

        var goals: [Goal] = []
        var goalIndent = Int.max
        var inMeasures = false
        var lastWasMeasure = false
        var usedIDs: Set<String> = []
        func uniqueID(_ base: String) -> String {
            var candidate = base.isEmpty ? "item" : base
            var number = 2
            while usedIDs.contains(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            usedIDs.insert(candidate)
            return candidate
        }
        for line in lines {
            let isBullet = line.text.hasPrefix("• ")
            let body = isBullet ? String(line.text.dropFirst(2)) : line.text
            if isBullet && lastWasMeasure && !goals.isEmpty && (endsLikeProse(body) || line.indent > goalIndent) {
                goals[goals.count - 1].measures[goals[goals.count - 1].measures.count - 1].description = body
                lastWasMeasure = false
                continue
            }
            lastWasMeasure = false
            if isBullet && !(inMeasures == false && !goals.isEmpty && endsLikeProse(body)) {
                goalIndent = min(goalIndent, line.indent)
                let goalID = uniqueID(slug(body))
                goals.append(Goal(id: goalID, title: body, description: "", measures: []))
                inMeasures = false
                continue
            }
            guard !goals.isEmpty else { continue }
            if line.text.hasPrefix("Dazu unterstützen wir") {
                inMeasures = true
                continue
            }
            if inMeasures && (line.text.hasPrefix("…") || line.text.hasPrefix("...")) {
                let measureTitle = Self.measureTitle(line.text)
                guard !measureTitle.isEmpty else { continue }
                let goalID = goals[goals.count - 1].id
                let measureSlug = slug(measureTitle)
                goals[goals.count - 1].measures.append(
                    Measure(
                        id: uniqueID(goalID + "." + (measureSlug.isEmpty ? "item" : measureSlug)), goalID: goalID,
                        title: measureTitle, description: "", keywords: []))
                lastWasMeasure = true
                continue
            }
            if !inMeasures {
                let current = goals[goals.count - 1].description
                goals[goals.count - 1].description = current.isEmpty ? body : current + "\n" + body
            }
        }
        return Framework(id: id, title: title, language: "de", goals: goals)
    }

    private static func endsLikeProse(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?".contains(last)
    }

    static func measureTitle(_ line: String) -> String {
        var text = Substring(line)
        while let first = text.first, first == "…" || first == "." || first == " " { text = text.dropFirst() }
        for article in ["bei der ", "bei den ", "die ", "den ", "der ", "das "] where text.hasPrefix(article) {
            let rest = text.dropFirst(article.count)
            if rest.first?.isUppercase == true {
                text = rest
                break
            }
        }
        while text.last == "." || text.last == " " { text = text.dropLast() }
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }

    /// The first two words of at least four letters, ASCII-folded and joined by `-`.
    public static func slug(_ title: String) -> String {
        let folded = title.lowercased()
            .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        let significant = words.filter { $0.count >= 4 }
        return (significant.isEmpty ? words : significant).prefix(2).joined(separator: "-")
    }
}

/// Writes a framework as YAML in the layout of `corpora/*/framework.yaml`: double-quoted titles,
/// descriptions as folded blocks wrapped at 100 columns, one line per keyword list.
public enum FrameworkYAMLWriter {
    public static func yaml(_ framework: Framework, header: [String] = []) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("id: \(framework.id)")
        lines.append("title: \(quoted(framework.title))")
        lines.append("language: \(framework.language)")
        lines.append("goals:")
        for goal in framework.goals {
            lines.append("  - id: \(goal.id)")
            lines.append("    title: \(quoted(goal.title))")
            if !goal.description.isEmpty {
                lines += described(goal.description, indent: 4)
            }
            lines.append("    measures:")
            for measure in goal.measures {
                lines.append("      - id: \(measure.id)")
                lines.append("        title: \(quoted(measure.title))")
                if !measure.description.isEmpty {
                    lines += described(measure.description, indent: 8)
                }
                if !measure.keywords.isEmpty {
                    lines.append("        keywords: [" + measure.keywords.map(quoted).joined(separator: ", ") + "]")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar: `\`, `"` and every character YAML does not allow as it is,
    /// or reads as a line break, are escaped (`\n`, `\t`, `\x7F`, `\u2028`).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let (prefix, width) = scalar.value < 0x100 ? ("x", 2) : scalar.value < 0x10000 ? ("u", 4) : ("U", 8)
                result += "\\" + prefix + String(repeating: "0", count: width - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// True for what YAML 1.1 forbids in a document (C0 and C1 controls, DEL, U+FFFE, U+FFFF) or
    /// reads as a line break or byte-order mark (CR, NEL, U+2028, U+2029, U+FEFF).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `description:` as a folded block when the text can be one, else as a quoted scalar.
    static func described(_ text: String, indent: Int) -> [String] {
        let key = String(repeating: " ", count: indent) + "description:"
        let foldable = !text.unicodeScalars.contains { $0 != "\n" && needsEscape($0) }
        return foldable ? [key + " >"] + folded(text, indent: indent + 2) : [key + " " + quoted(text)]
    }

    /// A folded block: paragraphs (separated by `\n` in the text) as blank-line-separated groups
    /// of lines of at most 100 columns.
    static func folded(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (index, paragraph) in text.split(separator: "\n").enumerated() {
            if index > 0 { lines.append("") }
            var current = ""
            for word in paragraph.split(separator: " ") {
                if !current.isEmpty && pad.count + current.count + 1 + word.count > 100 {
                    lines.append(pad + current)
                    current = String(word)
                } else {
                    current = current.isEmpty ? String(word) : current + " " + word
                }
            }
            if !current.isEmpty { lines.append(pad + current) }
        }
        return lines
    }
}
