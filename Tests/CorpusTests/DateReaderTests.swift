import Corpus
import Foundation
import Testing

/// Tests ``DateReader``: the dates German platforms export, written as ISO 8601 with the offset of
/// Europe/Berlin on that day.
struct DateReaderTests {
    let reader = DateReader()

    @Test(
        "German and ISO dates",
        arguments: [
            ("04.11.2026 08:33", "2026-11-04T08:33:00+01:00"),
            ("04.07.2026 08:33:15", "2026-07-04T08:33:15+02:00"),  // summer time
            ("4.7.2026, 8:05 Uhr", "2026-07-04T08:05:00+02:00"),
            ("04.11.26", "2026-11-04"),
            ("04.11.2026", "2026-11-04"),
            ("2026-11-04T08:33", "2026-11-04T08:33"),
            ("2026-11-04 08:33:00+01:00", "2026-11-04 08:33:00+01:00"),
            (" 2026-11-04 ", "2026-11-04"),
        ])
    func reads(_ value: String, _ expected: String) {
        #expect(reader.read(value) == expected)
    }

    @Test("not dates", arguments: ["gestern", "31.02.2026", "04.11.2026 25:00", "4.11.", "04/11/2026", "11.2026"])
    func rejects(_ value: String) {
        #expect(reader.read(value) == nil)
    }

    @Test func aFormatAndATimeZoneCanBeGiven() {
        let utc = DateReader(timeZone: TimeZone(identifier: "UTC")!, format: "MM/dd/yyyy HH:mm")
        #expect(utc.read("11/04/2026 08:33") == "2026-11-04T08:33:00+00:00")
        #expect(utc.read("04.11.2026 08:33") == nil)
        #expect(DateReader(format: "dd/MM/yyyy").read("04/11/2026") == "2026-11-04")
    }
}
