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
        ])
    func keepsAddressWhole(_ text: String, _ address: String, _ kind: TokenKind) {
        let tokens = AnalyzerHelpers.tokenize(text)
        #expect(tokens.contains { $0.surface == address && $0.kind == kind })
    }

    @Test(
        "no address without a known top-level domain or an @", arguments: ["z.B.", "1.000", "Jena.Stadt", "@jenadigital", "a@b"])
    func leavesOtherTextAlone(_ text: String) {
        #expect(!AnalyzerHelpers.tokenize(text).contains { $0.kind == .url || $0.kind == .email })
    }
}
