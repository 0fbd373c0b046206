import Reports
import Testing

/// Tests ``GermanFormat``.
struct GermanFormatTests {
    @Test func numbersAndDates() {
        #expect(GermanFormat.percent(0.756) == "76 %")
        #expect(GermanFormat.decimal(0.7512, places: 2) == "0,75")
        #expect(GermanFormat.date("2026-10-05T19:42:00") == "05.10.2026")
        #expect(GermanFormat.date("gestern") == "gestern")
    }
}
