import Testing
import TextAnalysis
import _TestSupport

/// Tests the address rules of the tokenizer (``ICUWordTokenizer`` step 1).
struct LinkScannerTests {
    @Test(
        "addresses stay one token",
        arguments: [
            ("(siehe https://jena.de/a_b-c)", "https://jena.de/a_b-c", TokenKind.url),
            ("http://example.org/x?y=1#z.", "http://example.org/x?y=1#z", .url),
            ("„www.jenawohnen.de“", "www.jenawohnen.de", .url),
            ("Kontakt: digital@jena.de.", "digital@jena.de", .email),
            ("vorname.nachname+tag@uni-jena.de", "vorname.nachname+tag@uni-jena.de", .email),
            // After a symbol that is no letter (×, ÷, €) an address starts a word.
            ("2×www.jena.de", "www.jena.de", .url),
            ("÷jena.de", "jena.de", .url),
            ("€www.jena.de", "www.jena.de", .url),
            // A run of letters right before an e-mail address, and an address after it.
            ("Mail:info@jena.de,www.jena.de", "info@jena.de", .email),
            ("Mail:info@jena.de,www.jena.de", "www.jena.de", .url),
        ])
    func keepsAddressWhole(_ text: String, _ address: String, _ kind: TokenKind) {
        let tokens = AnalyzerHelpers.tokenize(text)
        #expect(tokens.contains { $0.surface == address && $0.kind == kind })
    }

    @Test(
        "no address without a known top-level domain or an @",
        arguments: [
            "z.B.", "1.000", "Jena.Stadt", "@jenadigital", "a@b",
            // Inside a word, after a letter of any script: no address starts there.
            "Müller.de", "Straßejena.de", "Ärztewww.jena.de", "Дwww.jena.de",
        ])
    func leavesOtherTextAlone(_ text: String) {
        #expect(!AnalyzerHelpers.tokenize(text).contains { $0.kind == .url || $0.kind == .email })
    }
}
