import Analytics
import Corpus
import Foundation
import PropertyBased
import Reports
import Testing
import _TestSupport

/// Every renderer (Markdown, HTML, CSV, JSON, charts) given a run whose comment ids, file names,
/// warnings and rejected rows are hostile: no markup, handler, escape sequence or contact detail
/// survives, and the files have the structure the same run with plain values gives.
struct HostileReportPropertyTests {
    /// Values an attacker or a broken export puts where an id, a file name or a goal goes.
    static let attacks = [
        "`", "``", #"x`<img src=x onerror="document.body.setAttribute('data-pwned','yes')">`y"#,
        "<script>alert(1)</script>", "<svg onload=alert(1)>", "\u{1B}]0;title\u{7}", "\u{1B}[31m", "\u{0}", "\n", "\r\n",
        "\r", "|", "\\", "[a](javascript:alert(1))", "![x](http://evil.example/x.png)", "anna@example.org",
        "+49 3641 999999", "(03641) 123456", "DE89 3704 0044 0532 0130 00", "https://x.example/?token=SECRET7",
        "\u{202E}", "\u{2028}", "&lt;", "&#60;script&#62;", "**", "# ", "---", "<details>", "</details>", "\"", "'", ";",
        "=cmd|' /C calc'!A0", "{{x}}", "{{{x}}}", "  ", "<p", "<!--", "]]>",
    ]
    /// What must not appear in any file after redaction.
    static let secrets = ["anna@example.org", "3641 999999", "(03641) 123456", "DE89 3704", "SECRET7"]

    /// Pieces joined by spaces: a contact detail glued to a URL's query (`?a=b+49 3641 …`) is
    /// part of that URL, which is redacted as a whole only up to the space.
    static var hostile: Generator<String, AnySequence<Any>> {
        Gen.frequency(
            (3, Gen<String?>.element(of: attacks).map { $0 ?? "" }),
            (1, HostileText.piece.map { $0 })
        ).array(of: 1...6).map { $0.joined(separator: " ") }.eraseToAny()
    }

    /// The files of `result`, by path.
    final class Collector: ReportDestination, @unchecked Sendable {
        private var files: [String: String] = [:]
        private let lock = NSLock()

        func write(_ path: String, render: ((String) -> Void) -> Void) {
            var text = ""
            render { text += $0 }
            lock.lock()
            files[path] = text
            lock.unlock()
        }

        var all: [String: String] {
            lock.lock()
            defer { lock.unlock() }
            return files
        }
    }

    static func render(_ result: RunResult) throws -> [String: String] {
        let templates = try ShippedTemplates.all()
        let collector = Collector()
        _ = ReportSet.write(result, templates: templates, to: collector)
        return collector.all
    }

    /// The run with its ids, file names, warnings and rejected rows replaced by `values`.
    static func poisoned(_ base: RunResult, _ values: [String]) -> RunResult {
        var result = base
        func value(_ index: Int) -> String { values[index % values.count] }
        var renamed: [String: String] = [:]
        for index in result.comments.indices {
            let new = value(index) + "#\(index)"
            renamed[result.comments[index].id] = new
            result.comments[index].id = new
            result.comments[index].source = SourceLocation(file: value(index + 1) + ".csv", line: index + 2)
        }
        func rename(_ id: String) -> String { renamed[id] ?? id }
        for index in result.comments.indices {
            result.comments[index].duplicateOf = result.comments[index].duplicateOf.map(rename)
            result.comments[index].nearDuplicateGroup = result.comments[index].nearDuplicateGroup.map(rename)
        }
        for goal in result.goals.indices {
            for measure in result.goals[goal].measures.indices {
                for quote in result.goals[goal].measures[measure].representativeComments.indices {
                    result.goals[goal].measures[measure].representativeComments[quote].commentID = rename(
                        result.goals[goal].measures[measure].representativeComments[quote].commentID)
                }
            }
        }
        for topic in result.topics.indices {
            result.topics[topic].commentIDs = result.topics[topic].commentIDs.map(rename)
            for quote in result.topics[topic].representativeComments.indices {
                result.topics[topic].representativeComments[quote].commentID = rename(
                    result.topics[topic].representativeComments[quote].commentID)
            }
        }
        for goal in result.goals.indices { result.goals[goal].topics = result.topics.filter { $0.goal == result.goals[goal].id } }
        // As many warnings of each kind as the clean run has (the input block lists one line per
        // kind), with every field an input gives replaced; and the columns named by hostile headers.
        result.warnings = base.warnings.enumerated().map { offset, warning in
            let text = value(offset)
            return IngestWarning(
                source: SourceLocation(file: text, line: offset + 1), id: text,
                message: "unknown goal '\(text)'; kept without goal",
                kind: warning.kind ?? .other, value: text)
        }
        result.columns = base.columns?.enumerated().map { offset, use in
            ColumnUse(
                file: value(offset), fields: use.fields.mapValues { value($0.count) }, unused: use.unused.map { value($0.count) })
        }
        result.rejected = values.enumerated().map { offset, text in
            RejectedRow(
                source: SourceLocation(file: text, line: offset + 1), id: text, reason: "id '\(text)' is used twice",
                excerpt: text)
        }
        result.manifest.inputFiles = values.map { InputFile(path: $0, sha256: "00") }
        return result
    }

    /// Tag names of an HTML text in order, without `code` and `br` (plain and hostile ids differ
    /// there: a hostile id is escaped text instead of code).
    static func tags(_ html: String) -> [String] {
        var names: [String] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: start)...]
            let name = String(rest.prefix { $0 != " " && $0 != ">" && $0 != "\n" })
            if !["code", "/code", "br"].contains(name) { names.append(name) }
        }
        return names
    }

    @Test func hostileValuesChangeNoStructureAndLeakNothing() async throws {
        let base = try MiniRun.result()
        let clean = try Self.render(base)
        let cleanTags = Self.tags(try #require(clean["report.html"]))
        await propertyCheck(count: 100, input: Self.hostile.array(of: 1...8)) { values in
            let files = try Self.render(Self.poisoned(base, values))
            #expect(Set(files.keys) == Set(clean.keys))
            for (path, text) in files {
                let hidden = text.unicodeScalars.filter { Untrusted.isHidden($0) && !["\n", "\t", "\r"].contains($0) }
                #expect(hidden.isEmpty, "\(path) holds \(hidden.map { String($0.value, radix: 16) })")
                for secret in Self.secrets { #expect(!text.contains(secret), "\(path) shows \(secret)") }
                if path.hasSuffix(".md") {
                    // Raw HTML only as the templates write it; every line of the clean page is still one line.
                    var rest = Substring(text)
                    while let start = rest.firstIndex(of: "<") {
                        rest = rest[rest.index(after: start)...]
                        #expect(
                            ["details>", "/details>", "summary>", "/summary>"].contains { rest.hasPrefix($0) },
                            "\(path): \(rest.prefix(40))")
                    }
                    #expect(
                        text.split(separator: "\n", omittingEmptySubsequences: false).count
                            == clean[path]?.split(separator: "\n", omittingEmptySubsequences: false).count, "\(path)")
                }
                if path.hasSuffix(".csv") {
                    #expect(text.components(separatedBy: "\r\n").count == clean[path]?.components(separatedBy: "\r\n").count)
                }
            }
            let html = try #require(files["report.html"])
            #expect(Self.tags(html) == cleanTags)
            #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
            let json = try JSONSerialization.jsonObject(with: Data(try #require(files["report.json"]).utf8)) as? [String: Any]
            #expect((json?["comments"] as? [Any])?.count == base.comments.count)
        }
    }
}
