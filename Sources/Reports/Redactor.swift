import Analytics
import Corpus
import Foundation

/// Removes contact and payment details and control characters from everything a report or the
/// terminal shows, so that a report can be forwarded without exposing a participant and no input
/// can smuggle markup or escape sequences into it.
///
/// Rules, applied in this order to every comment text, quote, keyword, phrase, evidence term,
/// topic label, comment id, file name, warning and rejection:
/// 0. control characters, line separators and bidi controls become `�`
///    (``Untrusted/printable(_:lineBreaks:)``; comment texts keep their line breaks);
/// 1. e-mail addresses → `[E-Mail]`: `name@host.tld` with letters of any script on both sides
///    (`müller@jena.de`, `kontakt@jäna-digital.de`), and the spelled-out forms `name(at)host.tld`,
///    `name [at] host [dot] tld` (brackets `()`, `[]` or `{}`, `at` or `ät`, any case);
/// 2. URLs with a query or a fragment that carries a value (`?…`, `#…=…`; the query may carry
///    names, ids or tokens) → `[Link]`: with a scheme (`http(s)://`, any case) or `www.`, or a bare
///    `host.tld/…?key=value`; a URL without one stays, it names a public page;
/// 3. IBANs, in either case: two letters, two check digits, then 11–30 letters or digits, either
///    without spaces or in groups of four (a last group of 1–3 digits) separated by single spaces, at
///    least 8 of them digits (so `ab12 dieses Projekt` stays), also right after a letter
///    (`IBANDE89…`) → `[IBAN]`;
/// 4. phone numbers → `[Telefon]`: a `+` or `0` (not right after a digit, but after a letter
///    too: `Tel+49…`) followed by digits, spaces, `/`, `-` or `(0)`, 7 to 15 digits in all (a
///    longer run loses its last groups until it fits, so numbers right after a phone number go
///    with it as far as 15 digits reach); an area code in parentheses, `(03641) 123456`; an area code joined
///    by one dot, `0176.12345678` (a date such as `01.02.2025` has no three-digit group before
///    its first dot, and dates are otherwise left alone);
/// 5. @handles (`@` after a space or the start, then a letter, digit or `_`) → `[Handle]`.
///
/// An identifier (comment id, duplicate and campaign references) that any rule changes is shown
/// as its redacted form with `~` and 8 hex digits of the FNV-1a hash of the original
/// (``identifier(_:)``), so it stays unique and the same from night to night, and `review
/// import` can map it back. Author names never reach a report: the run keeps only their count.
public struct Redactor: Sendable {
    public struct Labels: Sendable {
        public var email: String
        public var link: String
        public var iban: String
        public var phone: String
        public var handle: String

        public static let german = Labels(
            email: "[E-Mail]", link: "[Link]", iban: "[IBAN]", phone: "[Telefon]", handle: "[Handle]")
        public static let english = Labels(email: "[email]", link: "[link]", iban: "[IBAN]", phone: "[phone]", handle: "[handle]")
    }

    public let labels: Labels

    public init(labels: Labels = .german) {
        self.labels = labels
    }

    /// The redactor whose labels are those of reports in `language`.
    public init(language: ReportLanguage) {
        self.init(labels: ReportStrings.of(language).redaction)
    }

    private static let email = pattern(
        #"[\p{L}\p{M}\p{N}._%+\-]+@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.\p{L}{2,}"#)
    private static let spelledEmail = pattern(
        #"(?i)[\p{L}\p{M}\p{N}._%+\-]+\s*[(\[{]\s*(?:at|ät)\s*[)\]}]\s*[\p{L}\p{M}\p{N}\-]+"#
            + #"(?:(?:\.|\s*[(\[{]\s*(?:dot|punkt)\s*[)\]}]\s*)[\p{L}\p{M}\p{N}\-]+)*"#
            + #"(?:\.|\s*[(\[{]\s*(?:dot|punkt)\s*[)\]}]\s*)\p{L}{2,}"#)
    private static let link = pattern(
        #"(?i)(?:https?://|www\.)[^\s?#]*(?:\?[^\s]*|#[^\s]*=[^\s]*)"#
            + #"|(?<![\w@./])[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}(?:/[^\s?#]*)?[?#][^\s]*=[^\s]*"#)
    private static let iban = pattern(#"(?i)[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [0-9]{1,3})?)\b"#)
    private static let phone = pattern(
        #"(?<![0-9+])(?:\+|0)[0-9](?:[0-9 /\-]|\(0\)){5,24}[0-9]"#
            + #"|\(0[0-9]{2,5}\)[ /\-]?[0-9][0-9 /\-]{3,14}[0-9]"#
            + #"|(?<![0-9])(?<![0-9]\.)0[1-9][0-9]{1,4}\.[0-9]{4,11}(?![0-9]|\.[0-9])"#)
    private static let handle = pattern(#"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]|(?<![\w@.])@[A-Za-z0-9_]"#)

    private static func pattern(_ source: String) -> NSRegularExpression {
        // The patterns are constants of this file; a typo is a programming error caught by the tests.
        guard let expression = try? NSRegularExpression(pattern: source) else { preconditionFailure("bad pattern \(source)") }
        return expression
    }

    /// `text` with every detail of the type's rules replaced by its label; line breaks become `�`
    /// unless `lineBreaks` (comment texts keep theirs).
    public func redact(_ text: String, lineBreaks: Bool = false) -> String {
        let text = Untrusted.printable(text, lineBreaks: lineBreaks)
        // Most texts hold none of the characters the rules need: skip the expressions for them.
        var scan = RuleScan(text)
        let hasSpelledAt = Self.mayHoldSpelledAt(text)
        guard scan.hasAt || hasSpelledAt || scan.mayHoldLink || scan.mayHoldIBAN || scan.mayHoldPhone else { return text }
        var result = text
        // Each rule sees the text the rules before it left, so the scan is redone after a change.
        func apply(_ rule: (String) -> String) {
            let before = result
            result = rule(result)
            if result != before { scan = RuleScan(result) }
        }
        if scan.hasAt { apply { Self.replace(Self.email, in: $0, with: labels.email) } }
        if hasSpelledAt { apply { Self.replace(Self.spelledEmail, in: $0, with: labels.email) } }
        if scan.mayHoldLink { apply { Self.replaceLinks(in: $0, with: labels.link) } }
        if scan.mayHoldIBAN { apply { Self.replaceIBANs(in: $0, with: labels.iban) } }
        if scan.mayHoldPhone { apply { Self.replacePhones(in: $0, with: labels.phone) } }
        if scan.hasAt { result = Self.replace(Self.handle, in: result, with: labels.handle) }
        return result
    }

    /// What one pass over a text's bytes says about every rule but the spelled-out addresses:
    /// conditions without which the rule cannot change the text, so its expression is not run
    /// (questions, years and house numbers are common, and the expressions took a third of
    /// `resonanz report`'s time on 100,000 comments). The characters the conditions look for are
    /// ASCII, so they are looked for among the bytes (`String.contains` goes through Foundation):
    /// - an e-mail address or a handle (rules 1 and 5): `@`;
    /// - a link: `?` or `#`, and `=`, `://` or `www.` (any case): the scheme or `www.` starts the
    ///   first form, a value after `=` ends the second;
    /// - an IBAN: at least 10 ASCII digits (two check digits and at least 8 after them), and two
    ///   digits right after two letters; a letter's last byte is an ASCII letter or, for any other
    ///   script (and the case-insensitive pattern's `ſ` or Kelvin sign), a byte of 0x80 or more;
    /// - a phone number: a run of digits, spaces, `/`, `-`, `.`, `+`, `(` and `)` (the only
    ///   characters of rule 4's forms) with at least 7 digits and a `+` or `0` right before a digit
    ///   (`+49`, `0364…`, `(0364…`).
    struct RuleScan {
        var hasAt = false
        var mayHoldLink = false
        var mayHoldIBAN = false
        var mayHoldPhone = false

        init(_ text: String) {
            var query = false
            var linkEnd = false
            var digits = 0
            var letterPair = false
            var runDigits = 0
            var runStartsPhone = false
            var before: (UInt8, UInt8, UInt8) = (0x20, 0x20, 0x20)  // the three bytes before this one
            for byte in text.utf8 {
                switch byte {
                case 0x30...0x39:
                    digits += 1
                    runDigits += 1
                    if before.2 == 0x2B || before.2 == 0x30 { runStartsPhone = true }
                    if Self.isDigit(before.2) && Self.mayEndLetter(before.1) && Self.mayEndLetter(before.0) { letterPair = true }
                case 0x20, 0x2F, 0x2D, 0x2E, 0x2B, 0x28, 0x29:
                    if byte == 0x2E && before == (0x77, 0x77, 0x77) { linkEnd = true }  // `www.`, lowercased below
                    if byte == 0x2F && before.1 == 0x3A && before.2 == 0x2F { linkEnd = true }  // `://`
                default:
                    if runDigits >= 7 && runStartsPhone { mayHoldPhone = true }
                    runDigits = 0
                    runStartsPhone = false
                    if byte == 0x3F || byte == 0x23 { query = true }
                    if byte == 0x3D { linkEnd = true }
                    if byte == 0x40 { hasAt = true }
                }
                // Letters are kept lowercased, for `www.` in any case.
                before = (before.1, before.2, byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            if runDigits >= 7 && runStartsPhone { mayHoldPhone = true }
            mayHoldLink = query && linkEnd
            mayHoldIBAN = letterPair && digits >= 10
        }

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        private static func mayEndLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
        }
    }

    /// An identifier as reports show it: unchanged when no rule touches it, else its redacted
    /// form, `~` and 8 hex digits of the original's FNV-1a hash.
    public func identifier(_ id: String) -> String {
        let shown = redact(id)
        return shown == id ? id : shown + "~" + String(FNV1a.hex64(id).prefix(8))
    }

    /// Whether `text` holds `at` or `ät` (any case) right after `(`, `[` or `{`, spaces between
    /// allowed: the start of a spelled-out address. Texts without a bracket are passed over by
    /// a byte scan.
    private static func mayHoldSpelledAt(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 == 0x28 || $0 == 0x5B || $0 == 0x7B }) else { return false }
        var state = 0  // 0: nothing, 1: after a bracket (and spaces), 2: after its `a` or `ä`
        for scalar in text.unicodeScalars {
            switch (state, scalar) {
            case (_, "("), (_, "["), (_, "{"): state = 1
            case (1, " "): state = 1
            case (1, "a"), (1, "A"), (1, "ä"), (1, "Ä"): state = 2
            case (2, "t"), (2, "T"): return true
            default: state = 0
            }
        }
        return false
    }

    static func replaceLinks(in text: String, with label: String) -> String {
        replace(link, in: text, with: label)
    }

    private static func replace(_ expression: NSRegularExpression, in text: String, with label: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(
            in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: label))
    }

    /// IBAN candidates count only with at least 8 digits after the check digits: a word that
    /// happens to start with two letters and two digits is no account number.
    static func replaceIBANs(in text: String, with label: String) -> String {
        replaceMatches(of: iban, in: text, with: label) { match in
            match.dropFirst(4).filter(\.isASCIIDigitLike).count >= 8 ? match : nil
        }
    }

    /// Phone candidates count only with 7 to 15 digits (fewer is a house number or a year range).
    /// A candidate with more loses its last group until it has at most 15: the pattern is greedy,
    /// and `(03641) 123456 2026-11-16` is a number followed by a date.
    static func replacePhones(in text: String, with label: String) -> String {
        replaceMatches(of: phone, in: text, with: label) { match in
            var candidate = match
            while candidate.filter(\.isASCIIDigitLike).count > 15 {
                guard let cut = candidate.lastIndex(where: { $0 == " " || $0 == "/" || $0 == "-" }) else { return nil }
                candidate = candidate[..<cut]
                while let last = candidate.last, last == " " || last == "/" || last == "-" { candidate = candidate.dropLast() }
            }
            return (7...15).contains(candidate.filter(\.isASCIIDigitLike).count) ? candidate : nil
        }
    }

    /// Every match of `expression` replaced by `label`, as far as `accept` says (the match or a
    /// prefix of it; nil keeps the text). The result is built front to back from the unchanged
    /// text: converting a match's UTF-16 range into a text that was just edited costs a pass over
    /// that text, which made a 10-million-character comment with many numbers take minutes.
    private static func replaceMatches(
        of expression: NSRegularExpression, in text: String, with label: String, accept: (Substring) -> Substring?
    ) -> String {
        let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var result = ""
        var copied = text.startIndex
        for match in matches {
            guard let range = Range(match.range, in: text), range.lowerBound >= copied, let accepted = accept(text[range])
            else { continue }
            result += text[copied..<range.lowerBound]
            result += label
            copied = accepted.endIndex
        }
        return copied == text.startIndex ? text : result + text[copied...]
    }

    /// The run with every text a report shows redacted (see the type's rules); the comments on
    /// `threads` threads.
    public func redact(_ result: RunResult, threads: Int = 1) -> RunResult {
        var safe = result
        let comments = result.comments
        safe.comments = ParallelMap.map(count: comments.count, threads: threads) { range in
            range.map { redact(comments[$0]) }
        }
        safe.goals = result.goals.map { goal in
            var goal = goal
            goal.keywords = goal.keywords.map(redact)
            goal.phrases = goal.phrases.map(redact)
            goal.measures = goal.measures.map { measure in
                var measure = measure
                measure.keywords = measure.keywords.map(redact)
                measure.phrases = measure.phrases.map(redact)
                measure.representativeComments = measure.representativeComments.map { quote in
                    var quote = quote
                    quote.commentID = identifier(quote.commentID)
                    quote.text = redact(quote.text, lineBreaks: true)
                    return quote
                }
                return measure
            }
            // A goal's topics are the run's topics of that goal: redacted once, below.
            return goal
        }
        safe.topics = result.topics.map(redact)
        for index in safe.goals.indices {
            safe.goals[index].topics = safe.topics.filter { $0.goal == safe.goals[index].id }
        }
        safe.changes?.commentIDs = result.changes?.commentIDs.map(identifier) ?? []
        safe.manifest.inputFiles = result.manifest.inputFiles.map { InputFile(path: redact($0.path), sha256: $0.sha256) }
        func redacted(_ warning: IngestWarning) -> IngestWarning {
            IngestWarning(
                source: redact(warning.source), id: warning.id.map(identifier), message: redact(warning.message),
                kind: warning.kind ?? .other, value: warning.value.map { redact($0) })
        }
        safe.warnings = result.warnings.map(redacted)
        safe.warningSummary = result.warningSummary?.map { summary in
            WarningSummary(kind: summary.kind, count: summary.count, examples: summary.examples.map(redacted))
        }
        safe.columns = result.columns?.map { use in
            ColumnUse(
                file: redact(use.file),
                fields: Dictionary(uniqueKeysWithValues: use.fields.map { ($0.key, redact($0.value)) }),
                unused: use.unused.map { redact($0) })
        }
        safe.rejected = redact(result.rejected)
        return safe
    }

    /// Rejected rows as `rejected.jsonl` and reports show them: file, id, reason and excerpt redacted.
    public func redact(_ rows: [RejectedRow]) -> [RejectedRow] {
        rows.map { row in
            RejectedRow(
                source: redact(row.source), id: row.id.map(identifier), reason: redact(row.reason),
                excerpt: redact(row.excerpt, lineBreaks: true))
        }
    }

    private func redact(_ source: SourceLocation) -> SourceLocation {
        SourceLocation(file: redact(source.file), line: source.line)
    }

    private func redact(_ comment: CommentResult) -> CommentResult {
        var comment = comment
        comment.id = identifier(comment.id)
        comment.duplicateOf = comment.duplicateOf.map(identifier)
        comment.nearDuplicateGroup = comment.nearDuplicateGroup.map(identifier)
        comment.source = redact(comment.source)
        comment.text = redact(comment.text, lineBreaks: true)
        comment.assignments = comment.assignments.map { assignment in
            var assignment = assignment
            assignment.evidence = assignment.evidence.map { evidence in
                var evidence = evidence
                evidence.term = redact(evidence.term)
                evidence.measureTerm = redact(evidence.measureTerm)
                return evidence
            }
            return assignment
        }
        return comment
    }

    private func redact(_ keyword: Keyword) -> Keyword {
        var keyword = keyword
        keyword.display = redact(keyword.display)
        return keyword
    }

    private func redact(_ topic: TopicResult) -> TopicResult {
        var topic = topic
        topic.label = redact(topic.label)
        topic.keywords = topic.keywords.map { keyword in
            var keyword = keyword
            keyword.display = redact(keyword.display)
            return keyword
        }
        topic.phrases = topic.phrases.map(redact)
        topic.commentIDs = topic.commentIDs.map(identifier)
        topic.representativeComments = topic.representativeComments.map { quote in
            var quote = quote
            quote.commentID = identifier(quote.commentID)
            quote.text = redact(quote.text, lineBreaks: true)
            return quote
        }
        return topic
    }
}

extension Character {
    fileprivate var isASCIIDigitLike: Bool { isASCII && isNumber }
}
