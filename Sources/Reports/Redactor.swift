import Analytics
import Foundation

/// Removes contact and payment details from everything a report shows, so that a report can be
/// forwarded without exposing a participant.
///
/// Rules, applied in this order to every comment text, quote, keyword, phrase, evidence term and
/// topic label:
/// 1. e-mail addresses (`name@host.tld`) → `[E-Mail]`;
/// 2. URLs with a query string (`http(s)://…?…`, `www.…?…`; the query may carry names, ids or
///    tokens) → `[Link]`; a plain URL without one stays, it names a public page;
/// 3. IBANs (two letters, two check digits, then 11–30 letters or digits, in groups of four or
///    not) → `[IBAN]`;
/// 4. phone numbers: a `+` or `0` followed by digits, spaces, `/`, `-` or `(0)`, 7 to 15 digits in
///    all (dates such as `01.02.2025` use dots and are left alone) → `[Telefon]`;
/// 5. @handles (`@` after a space or the start, then a letter, digit or `_`) → `[Handle]`.
/// Author names never reach a report: the run keeps only their count.
public struct Redactor: Sendable {
    public struct Labels: Sendable {
        public var email: String
        public var link: String
        public var iban: String
        public var phone: String
        public var handle: String

        public static let german = Labels(email: "[E-Mail]", link: "[Link]", iban: "[IBAN]", phone: "[Telefon]", handle: "[Handle]")
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

    private static let email = pattern(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#)
    private static let link = pattern(#"(?:https?://|www\.)[^\s?#]*\?[^\s]*"#)
    private static let iban = pattern(#"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b"#)
    private static let phone = pattern(#"(?<![\w+])(?:\+|0)[0-9](?:[0-9 /\-]|\(0\)){5,24}[0-9]"#)
    private static let handle = pattern(#"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]|(?<![\w@.])@[A-Za-z0-9_]"#)

    private static func pattern(_ source: String) -> NSRegularExpression {
        // The patterns are constants of this file; a typo is a programming error caught by the tests.
        guard let expression = try? NSRegularExpression(pattern: source) else { preconditionFailure("bad pattern \(source)") }
        return expression
    }

    /// `text` with every detail of the type's rules replaced by its label.
    public func redact(_ text: String) -> String {
        // Most texts hold none of the characters every rule needs: skip the expressions for them.
        // (Byte scans: `String.contains("@")` goes through Foundation and showed in profiles.)
        let hasAt = text.utf8.contains(0x40)
        let hasDigit = text.contains(where: \.isASCIIDigitLike)
        let hasQuery = text.utf8.contains(0x3F)
        guard hasAt || hasDigit || hasQuery else { return text }
        var result = text
        if hasAt { result = Self.replace(Self.email, in: result, with: labels.email) }
        if hasQuery { result = Self.replace(Self.link, in: result, with: labels.link) }
        if hasDigit {
            result = Self.replace(Self.iban, in: result, with: labels.iban)
            result = Self.replacePhones(in: result, with: labels.phone)
        }
        if hasAt { result = Self.replace(Self.handle, in: result, with: labels.handle) }
        return result
    }

    private static func replace(_ expression: NSRegularExpression, in text: String, with label: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: label))
    }

    /// Phone candidates count only with 7 to 15 digits (fewer is a house number or a year range).
    /// The result is built front to back from the unchanged text: converting a match's UTF-16
    /// range into a text that was just edited costs a pass over that text, which made a
    /// 10-million-character comment with many numbers take minutes.
    private static func replacePhones(in text: String, with label: String) -> String {
        let matches = phone.matches(in: text, range: NSRange(text.startIndex..., in: text))
        var result = ""
        var copied = text.startIndex
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            let digits = text[range].filter(\.isASCIIDigitLike).count
            guard (7...15).contains(digits) else { continue }
            result += text[copied..<range.lowerBound]
            result += label
            copied = range.upperBound
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
                    quote.text = redact(quote.text)
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
        return safe
    }

    private func redact(_ comment: CommentResult) -> CommentResult {
        var comment = comment
        comment.text = redact(comment.text)
        comment.assignments = comment.assignments.map { assignment in
            var assignment = assignment
            assignment.evidence = assignment.evidence.map { evidence in
                var evidence = evidence
                evidence.term = redact(evidence.term)
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
        topic.representativeComments = topic.representativeComments.map { quote in
            var quote = quote
            quote.text = redact(quote.text)
            return quote
        }
        return topic
    }
}

extension Character {
    fileprivate var isASCIIDigitLike: Bool { isASCII && isNumber }
}
