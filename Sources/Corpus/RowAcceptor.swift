import Foundation

/// One input record before it is accepted: the contract's fields as read, and where from.
struct RawRecord {
    var source: SourceLocation
    var id: String?
    var text: String?
    var goal: String?
    var createdAt: String?
    var author: String?
    var parentID: String?
    var labels: [String] = []
    /// The input has a labels column or key (an empty list then means "fits no measure").
    var labelsGiven = false
    var metadata: [String: String] = [:]
}

/// Decides for every record whether it becomes a comment or a rejected row.
///
/// Rules, in order:
/// 1. a record without text, or whose text is only whitespace, is rejected (`empty text`);
/// 2. a text longer than `maximumTextLength` characters is rejected, and so is a text with NUL
///    bytes (binary data in a text column), an id longer than ``maximumIDLength`` characters, and
///    an id holding a character ``Untrusted`` hides (a line break, NUL, an escape or bidi code:
///    no report could show it as it is);
/// 3. an id used before in the same file is rejected, naming where it was first used (the same
///    text again is a repeated row; a different text under the same id is a conflict); an id used
///    before in an earlier file is a newer export of the same comment: the later row replaces the
///    earlier one, which is counted as superseded (so a nightly export read with the previous
///    one never loses or doubles a comment);
/// 4. a record without id gets `h` + 16 hex digits of the FNV-1a 64-bit hash of its text, with
///    `-2`, `-3` … appended when the same text comes again in the same file; the counter starts
///    anew in every file, so an export read again with the next night's export gives the same
///    ids and supersedes instead of doubling (a derived id names a text, not a person: the same
///    text posted again in a later export is the same comment);
/// 5. the goal is found by its id or its title (``GoalMatcher``); a value that names no goal of
///    the framework is kept as metadata `posted_goal`, the comment gets no goal, and a warning is
///    recorded; a date is read by ``DateReader`` (German and ISO forms, written as ISO 8601), and
///    one it cannot read is kept as metadata `posted_date` and dropped with a warning.
struct RowAcceptor {
    let goals: GoalMatcher
    let dates: DateReader
    let maximumTextLength: Int
    /// Longer ids are no ids but pasted text.
    static let maximumIDLength = 256
    private(set) var result = IngestResult()
    private var firstUse: [String: (source: SourceLocation, text: String, index: Int)] = [:]
    /// Repeats of a derived id per file, for the `-2`, `-3` suffixes.
    private var derivedRepeats: [String: Int] = [:]

    init(goals: GoalMatcher, dates: DateReader = DateReader(), maximumTextLength: Int) {
        self.goals = goals
        self.dates = dates
        self.maximumTextLength = maximumTextLength
    }

    /// Records which columns a file gave for which field.
    mutating func noteColumns(_ use: ColumnUse) {
        result.columns.append(use)
    }

    mutating func reject(_ source: SourceLocation, id: String?, reason: String, excerpt: String) {
        result.rejected.append(RejectedRow(source: source, id: id, reason: reason, excerpt: Self.excerpt(excerpt)))
    }

    mutating func warn(
        _ source: SourceLocation, id: String?, _ message: String, kind: IngestWarning.Kind = .other, value: String? = nil
    ) {
        result.warnings.append(IngestWarning(source: source, id: id, message: message, kind: kind, value: value))
    }

    mutating func accept(_ record: RawRecord) {
        let givenID = record.id?.trimmed(.whitespacesAndNewlines).nonEmpty
        guard let rawText = record.text else {
            reject(record.source, id: givenID, reason: "no text field", excerpt: "")
            return
        }
        let text = rawText.trimmed(.whitespacesAndNewlines)
        guard !text.isEmpty else {
            reject(record.source, id: givenID, reason: "empty text", excerpt: "")
            return
        }
        guard !text.utf8.contains(0) else {
            reject(record.source, id: givenID.map { Untrusted.printable($0) }, reason: "text contains NUL bytes", excerpt: text)
            return
        }
        if let givenID, givenID.count > Self.maximumIDLength {
            reject(
                record.source, id: Untrusted.shortened(Untrusted.printable(givenID), limit: 40),
                reason: "id has \(givenID.count) characters, more than the limit of \(Self.maximumIDLength)", excerpt: text)
            return
        }
        if let givenID, givenID.unicodeScalars.contains(where: Untrusted.isHidden) {
            reject(
                record.source, id: Untrusted.printable(givenID),
                reason: "id \(Untrusted.quoted(givenID)) contains control characters (line breaks, NUL, escape or bidi codes)",
                excerpt: text)
            return
        }
        // A text has at most as many Characters as UTF-8 bytes: most need no count.
        guard text.utf8.count <= maximumTextLength || text.count <= maximumTextLength else {
            reject(
                record.source, id: givenID,
                reason: "text has \(text.count) characters, more than the limit of \(maximumTextLength)",
                excerpt: text)
            return
        }
        var id: String
        if let givenID {
            id = givenID
            if let first = firstUse[id], first.source.file == record.source.file {
                let reason =
                    first.text == text
                    ? "repeats the row at \(first.source) (same id and text)"
                    : "id \(Untrusted.quoted(id)) is already used by the row at \(first.source) with a different text"
                reject(record.source, id: id, reason: reason, excerpt: text)
                return
            }
        } else {
            let base = "h" + FNV1a.hex64(text)
            let key = record.source.file + "\u{1F}" + base
            let repeatNumber = derivedRepeats[key, default: 0] + 1
            derivedRepeats[key] = repeatNumber
            id = repeatNumber == 1 ? base : "\(base)-\(repeatNumber)"
        }
        let replaced = firstUse[id]

        var metadata = record.metadata
        var goal: String? = nil
        if let posted = record.goal?.trimmed(.whitespaces).nonEmpty {
            if let found = goals.goal(for: posted) {
                goal = found
            } else {
                metadata["posted_goal"] = posted
                warn(
                    record.source, id: id, "unknown goal \(Untrusted.quoted(posted)); kept without goal", kind: .unknownGoal,
                    value: Untrusted.shortened(Untrusted.printable(posted), limit: 80))
            }
        }
        var createdAt: String? = nil
        if let date = record.createdAt?.trimmed(.whitespaces).nonEmpty {
            if let read = dates.read(date) {
                createdAt = read
            } else {
                metadata["posted_date"] = date
                warn(
                    record.source, id: id, "date \(Untrusted.quoted(date)) is no date this tool reads; dropped",
                    kind: .unreadableDate, value: Untrusted.shortened(Untrusted.printable(date), limit: 80))
            }
        }
        let comment = Comment(
            id: id, text: text, goal: goal, createdAt: createdAt,
            author: record.author?.trimmed(.whitespaces).nonEmpty,
            parentID: record.parentID?.trimmed(.whitespaces).nonEmpty,
            labels: record.labels, labelsGiven: record.labelsGiven, metadata: metadata, source: record.source,
            idWasDerived: givenID == nil)
        if let replaced {
            result.comments[replaced.index] = comment
            result.superseded += 1
            firstUse[id] = (record.source, text, replaced.index)
        } else {
            firstUse[id] = (record.source, text, result.comments.count)
            result.comments.append(comment)
        }
    }

    /// The start of a rejected row's text: printable, at most 200 characters.
    static func excerpt(_ text: String) -> String {
        Untrusted.shortened(Untrusted.printable(text, lineBreaks: true), limit: 200)
    }
}

/// Checks ISO 8601 dates (`2026-10-14`) and date-times (`2026-10-14T19:42`, with optional
/// seconds, fraction and `Z` or `±hh:mm`), including month lengths.
public enum ISODate {
    /// Seconds since 1970-01-01 for sorting: the time zone offset is applied when given; a date or
    /// a time without offset counts as UTC. Nil for text that is no valid ISO 8601 date.
    public static func sortKey(_ text: String) -> Double? { seconds(Array(text.utf8)) }

    static func isValid(_ text: String) -> Bool { sortKey(text) != nil }

    /// The rules, read in one pass: `YYYY-MM-DD`, optionally followed by `T` or a space, `hh:mm`,
    /// optionally `:ss` with a fraction after `.` or `,`, and optionally `Z` or `±hh:mm`; with a
    /// real day of the month, hour < 24, minute < 60, second < 61, offset hours < 24 and minutes
    /// < 60. Every character of a valid date is one of ASCII's digits and separators, so the text
    /// is read as UTF-8 bytes: any other byte makes it invalid. Days count from the civil date
    /// (proleptic Gregorian, after Howard Hinnant's algorithm); the fraction is not counted.
    static func seconds(_ bytes: [UInt8]) -> Double? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy(isDigit) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool { bytes[index] == UInt8(ascii: character) }
        guard bytes.count >= 10, let year = number(0..<4), byte(4, is: "-"),
            let month = number(5..<7), byte(7, is: "-"), let day = number(8..<10),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthLengths[month - 1] else { return nil }
        let marchYear = year - (month <= 2 ? 1 : 0)
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        var seconds = Double(era * 146_097 + dayOfEra - 719_468) * 86_400
        if bytes.count == 10 { return seconds }
        guard byte(10, is: "T") || byte(10, is: " "), let hour = number(11..<13),
            bytes.count >= 16, byte(13, is: ":"), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < bytes.count, byte(index, is: ":") {
            guard let second = number((index + 1)..<(index + 3)), second < 61 else { return nil }
            seconds += Double(second)
            index += 3
            if index < bytes.count, byte(index, is: ".") || byte(index, is: ",") {
                index += 1
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index == bytes.count { return seconds }
        if byte(index, is: "Z") { return index + 1 == bytes.count ? seconds : nil }
        guard byte(index, is: "+") || byte(index, is: "-"), bytes.count == index + 6,
            let offsetHours = number((index + 1)..<(index + 3)), byte(index + 3, is: ":"),
            let offsetMinutes = number((index + 4)..<(index + 6)), offsetHours < 24, offsetMinutes < 60
        else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
        return byte(index, is: "+") ? seconds - offset : seconds + offset
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }

    /// `trimmingCharacters(in: set)` for a set of spaces and line breaks only, without
    /// Foundation when the text starts and ends with a printable ASCII character (neither set
    /// holds one): most values, and Foundation's trimming showed in profiles of reading.
    func trimmed(_ set: CharacterSet) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: set)
    }
}
