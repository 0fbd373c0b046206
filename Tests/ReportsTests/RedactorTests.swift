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
        ])
    func keeps(text: String) {
        #expect(redactor.redact(text) == text)
    }

    @Test func englishLabels() {
        #expect(Redactor(labels: .english).redact("mail a@b.de or call 0176 1234567") == "mail [email] or call [phone]")
    }
}
