import PropertyBased
import Testing

@testable import Reports

/// Tests that ``Redactor/RuleScan`` passes over only texts in which the link, IBAN and phone
/// rules would change nothing: the scan decides whether the expressions run, so it must never be
/// wrong.
struct RedactorScanPropertyTests {
    /// Pieces a link, an IBAN or a phone number is made of, and what stands next to them: letters
    /// of other scripts, the case-insensitive pattern's `ſ` and Kelvin sign, separators, dates.
    static let pieces = [
        "0", "1", "4", "9", "00", "49", "176", "3641", "1234", "5678", "+", "+49", "(0)", "(", ")", "/", "-", " ", ".",
        "DE", "de", "AT", "ſ", "\u{212A}", "ä", "Ü", "x", "Q", "IBAN", "Tel", "2026-11-16", "01.02.2025", "\n", "ß", "é",
        "漢", "?", "#", "=", "x=1", "://", "https", "HTTP", "www.", "WwW.", "ww", "w", "jena.de", ".de/", "a.b", ":",
    ]

    static var text: Generator<String, AnySequence<Any>> {
        Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...24).map { $0.joined() }.eraseToAny()
    }

    @Test func passesOverOnlyWhatTheRulesLeaveAlone() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            let scan = Redactor.RuleScan(text)
            if !scan.mayHoldLink { #expect(Redactor.replaceLinks(in: text, with: "[Link]") == text, "\(text.debugDescription)") }
            if !scan.mayHoldIBAN { #expect(Redactor.replaceIBANs(in: text, with: "[IBAN]") == text, "\(text.debugDescription)") }
            if !scan.mayHoldPhone {
                #expect(Redactor.replacePhones(in: text, with: "[Telefon]") == text, "\(text.debugDescription)")
            }
        }
    }

    @Test(
        "texts the scan lets through",
        arguments: [
            ("DE89 3704 0044 0532 0130 00", true, true), ("Tel. 0364 123", false, true), ("+49 3641 1", false, true),
            ("Im Jahr 1999 kamen 1234 Leute", false, false), ("Im Jahr 2026 kamen 12 Leute", false, false),
            ("ſ\u{212A}12345678901", true, true), ("ab12 dieses Projekt", false, false), ("DE8937", false, false),
            ("Am 01.02.2025 um 10 Uhr", false, true), ("Seit 2020 und 2021, also 4041 Tage", false, false),
        ])
    func letsThrough(text: String, iban: Bool, phone: Bool) {
        let scan = Redactor.RuleScan(text)
        #expect(scan.mayHoldIBAN == iban)
        #expect(scan.mayHoldPhone == phone)
    }

    @Test(
        "links the scan lets through",
        arguments: [
            ("Warum nicht?", false), ("Siehe https://jena.de/a?b", true), ("WWW.jena.de?x", true), ("#jena ist toll", false),
            ("jena.de/form?user=anna", true), ("a = b?", true),
        ])
    func letsLinksThrough(text: String, link: Bool) {
        #expect(Redactor.RuleScan(text).mayHoldLink == link)
    }
}
