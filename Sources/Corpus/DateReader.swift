import Foundation

/// Reads the dates platforms export and writes them as ISO 8601.
///
/// Rules, for a trimmed value:
/// - ISO 8601 as ``ISODate`` accepts it (`2026-11-04`, `2026-11-04T08:33`, with seconds, fraction,
///   `Z` or an offset; a space instead of `T`) stays as it is;
/// - German dates `d.M.yyyy` and `d.M.yy` (two-digit years are 2000–2099), optionally followed by
///   a time `H:mm` or `H:mm:ss` (after a space, `,` or `, `; an `Uhr` after it is ignored);
/// - with `format` (a pattern in Unicode's date-format syntax, `dd/MM/yyyy HH:mm`), values in
///   that pattern instead of the German ones.
/// A date with a time but no offset is a local time in `timeZone` (Europe/Berlin unless told
/// otherwise) and is written with that zone's offset on that day, `2026-11-04T08:33:00+01:00`; a
/// date without a time is written as a date, `2026-11-04`. Anything else is nil (the caller warns).
public struct DateReader: Sendable, Equatable {
    public let timeZone: TimeZone
    public let format: String?

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .current, format: String? = nil) {
        self.timeZone = timeZone
        self.format = format
    }

    /// The value as ISO 8601, or nil when it is no date of the accepted forms.
    public func read(_ value: String) -> String? {
        let text = value.trimmed(.whitespaces)
        if let format { return custom(text, format: format) }
        if ISODate.isValid(text) { return text }
        return german(text)
    }

    /// `d.M.yyyy[ H:mm[:ss]]`.
    func german(_ text: String) -> String? {
        var rest = Substring(text)
        func number(maxDigits: Int) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
            rest = rest.dropFirst(digits.count)
            return Int(digits)
        }
        func skip(_ character: Character) -> Bool {
            guard rest.first == character else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard let day = number(maxDigits: 2), skip("."), let month = number(maxDigits: 2), skip(".") else { return nil }
        let yearDigits = rest.prefix { $0.isASCII && $0.isNumber }.count
        guard yearDigits == 2 || yearDigits == 4, var year = number(maxDigits: 4) else { return nil }
        if yearDigits == 2 { year += 2000 }
        guard Self.isDay(year: year, month: month, day: day) else { return nil }
        let date = Self.isoDate(year, month, day)
        rest = rest.drop { $0 == " " || $0 == "," }
        if rest.isEmpty { return date }
        guard let hour = number(maxDigits: 2), skip(":"), let minute = number(maxDigits: 2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        if skip(":") {
            guard let value = number(maxDigits: 2), value < 60 else { return nil }
            second = value
        }
        rest = rest.drop { $0 == " " }
        if rest.lowercased() == "uhr" { rest = "" }
        guard rest.isEmpty else { return nil }
        return local(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// A value in `format`: a date-time with the zone's offset, or a date when the pattern has no hour.
    func custom(_ text: String, format: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        formatter.isLenient = false
        // Foundation's parser takes other separators too: a value must print back as it was.
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let hasTime = format.contains("H") || format.contains("h") || format.contains("k") || format.contains("K")
        guard hasTime else { return Self.isoDate(year, month, day) }
        return local(
            year: year, month: month, day: day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0)
    }

    /// The local time in ``timeZone`` as ISO 8601 with that zone's offset on that day.
    func local(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard
            let date = calendar.date(
                from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
        else { return nil }
        let offset = timeZone.secondsFromGMT(for: date)
        let magnitude = abs(offset)
        return Self.isoDate(year, month, day) + "T" + Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second)
            + (offset < 0 ? "-" : "+") + Self.two(magnitude / 3600) + ":" + Self.two(magnitude % 3600 / 60)
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func isoDate(_ year: Int, _ month: Int, _ day: Int) -> String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + two(month) + "-" + two(day)
    }

    static func isDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
