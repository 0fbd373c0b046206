import Analytics
import Reports
import Testing

/// Tests ``Redactor``: contact and payment details leave every text; ordinary numbers stay.
struct RedactorTests {
    let redactor = Redactor()

    @Test(
        "each kind of detail gets its label",
        arguments: [
            ("Schreibt an max.mustermann@example.org bitte", "Schreibt an [E-Mail] bitte"),
            ("Mail: a_b+c@uni-jena.de.", "Mail: [E-Mail]."),
            ("Siehe https://jena.de/beteiligung?id=42&name=Max dort", "Siehe [Link] dort"),
            ("Formular unter www.jena.de/form?user=anna", "Formular unter [Link]"),
            ("Spende an DE89 3704 0044 0532 0130 00 danke", "Spende an [IBAN] danke"),
            ("IBAN DE89370400440532013000.", "IBAN [IBAN]."),
            ("Ruft an: 03641 49-5000", "Ruft an: [Telefon]"),
            ("Handy +49 (0)176 1234567 abends", "Handy [Telefon] abends"),
            ("Tel. 0176/12345678", "Tel. [Telefon]"),
            ("Danke @stadtjena und @max_m!", "Danke [Handle] und [Handle]!"),
            // Found by an attacker's review: forms the first patterns missed.
            ("Tel. (03641) 123456 ab 9", "Tel. [Telefon] ab 9"),
            ("mobil 0176.12345678", "mobil [Telefon]"),
            ("Tel.0176.12345678.", "Tel.[Telefon]."),
            ("(03641) 123456(03641) 654321", "[Telefon][Telefon]"),
            // Numbers right after a phone number go with it as long as they fit 15 digits.
            ("(03641) 123456 2026-11-16", "[Telefon]-11-16"),
            ("0176 1234567 2026 2027 2028", "[Telefon] 2027 2028"),
            ("an anna(at)example.org schreiben", "an [E-Mail] schreiben"),
            ("an anna [at] example [dot] org schreiben", "an [E-Mail] schreiben"),
            ("kontakt@jäna-digital.de", "[E-Mail]"),
            ("müller@jena.de", "[E-Mail]"),
            ("HTTPS://EXAMPLE.ORG/A?token=SECRET123", "[Link]"),
            ("siehe example.org/?session=abc123 dort", "siehe [Link] dort"),
            ("Konto de89 3704 0044 0532 0130 00", "Konto [IBAN]"),
            ("IBANDE89370400440532013000 bitte", "IBAN[IBAN] bitte"),
        ])
    func redacts(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(
        "ordinary text is left alone",
        arguments: [
            "Am 01.02.2025 fuhr der Bus 15 Minuten zu spät.",
            "Tempo 30 auf 2,5 km, 10 000 Euro im Jahr 2030.",
            "Die Seite https://jena.de/digitalstrategie erklärt es.",
            "CO2-Ausstoß senken, EU27 vergleichen, Postleitzahl 07743.",
            "Fragen? Gern! Wieso nicht?",
            "Öffnungszeiten 8-16 Uhr, Zimmer 0.12",
            "Am 04.11.2026 08:33 kam der Bus, am 03.11.26 nicht.",
            "Kennen Sie jena.de? Dort steht es.",
            "Die ab12 dieses Projektes ist gut, Version 0.9.1",
            "Wir treffen uns (at) home um 8.",
        ])
    func keeps(text: String) {
        #expect(redactor.redact(text) == text)
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(redactor.redact("a\u{1B}]0;title\u{07}b\u{0}c") == "a\u{FFFD}]0;title\u{FFFD}b\u{FFFD}c")
        #expect(redactor.redact("line\none\r\ntwo", lineBreaks: true) == "line\none\ntwo")
        #expect(redactor.redact("line\none") == "line\u{FFFD}one")
    }

    @Test func identifiersWithDetailsGetAStablePseudonym() {
        let id = redactor.identifier("anna@example.org")
        #expect(id.hasPrefix("[E-Mail]~"))
        #expect(id == redactor.identifier("anna@example.org"))
        #expect(id != redactor.identifier("bert@example.org"))
        #expect(redactor.identifier("c-0042") == "c-0042")
        #expect(!redactor.identifier("x\u{0}y").contains("\u{0}"))
        #expect(redactor.identifier("x\u{0}y") != redactor.identifier("x\u{1}y"))
    }

    @Test func englishLabels() {
        #expect(Redactor(labels: .english).redact("mail a@b.de or call 0176 1234567") == "mail [email] or call [phone]")
    }
}
