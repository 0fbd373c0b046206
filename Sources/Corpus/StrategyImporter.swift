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
/// - a bullet is `•`, `-`, `–`, `*`, `◦` or `▪`, or a number or single letter followed by `.` or
///   `)`, then a space (``bulletBody(_:)``).
/// Ids are readable slugs (``slug(_:)``): for a goal its first two nouns
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
            let bullet = bulletBody(line.text)
            let isBullet = bullet != nil
            let body = bullet ?? line.text
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
                let measureSlug = slug(measureText(line.text))
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

    /// The line without its bullet (`• `, `- `, `– `, `* `, `◦ `, `▪ `, `1. `, `12) `, `a) `), or
    /// nil when it has none.
    public static func bulletBody(_ line: String) -> String? {
        for mark in ["• ", "- ", "– ", "* ", "◦ ", "▪ "] where line.hasPrefix(mark) {
            return String(line.dropFirst(mark.count))
        }
        let scalars = Array(line.unicodeScalars.prefix(5))
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        let marker = digits > 0 ? digits : (scalars.first.map { ("a"..."z").contains($0) } == true ? 1 : 0)
        guard marker > 0, marker <= 3, scalars.count > marker + 1, scalars[marker] == "." || scalars[marker] == ")",
            scalars[marker + 1] == " ", digits > 0 || scalars[marker] == ")"
        else { return nil }
        return String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(marker + 2)))
    }

    private static func endsLikeProse(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?".contains(last)
    }

    static func measureTitle(_ line: String) -> String {
        let text = measureText(line)
        guard let first = text.first else { return "" }
        return first.uppercased() + text.dropFirst()
    }

    /// The measure line without ellipsis, leading article and final periods, in its own case
    /// (a lower-case first word is no noun, which ``slug(_:)`` needs to know).
    static func measureText(_ line: String) -> String {
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
        return String(text)
    }

    /// Up to two words that carry the title, ASCII-folded, each cut to 24 letters, joined by
    /// `-`: the first two nouns (capitalised words of three letters or more that are not
    /// articles, pronouns or prepositions: `Den Innovations- und Digitalstandort Jena …` → `innovations-digitalstandort`);
    /// without a noun, the first two words of at least four letters that are no such word; else
    /// the first two words.
    public static func slug(_ title: String) -> String {
        let words = title.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        func fold(_ word: String) -> String {
            let folded = word.lowercased()
                .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
                .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
            return String(
                folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(
                    Character.init
                ).prefix(24))
        }
        let candidates = words.map { (word: $0, folded: fold($0)) }.filter { !$0.folded.isEmpty }
        let content = candidates.filter { !fillers.contains($0.folded) }
        let nouns = content.filter { $0.word.first?.isUppercase == true && $0.folded.count >= 3 }
        let long = content.filter { $0.folded.count >= 4 }
        let chosen = !nouns.isEmpty ? nouns : !long.isEmpty ? long : candidates
        return chosen.prefix(2).map(\.folded).joined(separator: "-")
    }

    /// Words that never name what a goal or measure is about.
    static let fillers: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "sowie",
        "mit", "fuer", "von", "vom", "zum", "zur", "bei", "beim", "durch", "auf", "aus", "ueber", "unter", "nach", "in", "im",
        "am", "an", "als", "wir", "sie", "es", "unser", "unsere", "unserer", "unseren", "unseres", "ihre", "ihren", "alle",
        "allen", "mehr", "neue", "neuen", "weitere", "weiteren", "gemeinsam", "gemeinsame", "gemeinsamen", "dazu", "hierzu",
    ]
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
