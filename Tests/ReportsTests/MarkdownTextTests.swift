import Reports
import Testing

/// Tests ``MarkdownText``: a comment can neither break a table nor inject markup.
struct MarkdownTextTests {
    @Test func tableCellsStayOneCell() {
        let cell = MarkdownText.cell("a | b\nc")
        #expect(cell == #"a \| b c"#)
    }

    @Test func linksImagesAndHTMLAreDefused() {
        let text = MarkdownText.inline("[klick](http://x.y) ![bild](a.png) <script>alert(1)</script> **fett** # Titel")
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;"))
        #expect(text.contains(#"\[klick\]"#))
        #expect(text.contains(#"\!\[bild\]"#))
        #expect(text.contains(#"\*\*fett\*\*"#))
    }

    @Test func quotesPrefixEveryLine() {
        #expect(MarkdownText.quote("eins\n\n# zwei") == "> eins\n>\n> \\# zwei")
        #expect(MarkdownText.quote("eins\nzwei") == "> eins\n>\n> zwei")
    }

    @Test func longCellsAreShortened() {
        let cell = MarkdownText.cell(String(repeating: "x", count: 300), limit: 10)
        #expect(cell == "xxxxxxxxxx…")
    }

    @Test func plainIdentifiersAreCode() {
        #expect(MarkdownText.code("c-0042") == "`c-0042`")
        #expect(MarkdownText.code("h1a2b3c4d5e6f7a8b") == "`h1a2b3c4d5e6f7a8b`")
    }

    /// An id that closes the code span (a reported attack) becomes escaped text: no raw HTML.
    @Test func identifiersThatWouldBreakOutAreEscapedText() {
        let attack = #"x`<img src=x onerror="document.body.setAttribute('data-pwned','yes')">`y"#
        let shown = MarkdownText.code(attack)
        #expect(!shown.contains("<img"))
        #expect(shown.contains("&lt;img"))
        #expect(!shown.contains("`<"))
        for id in ["a|b", "a\\b", " lead", "<script>", "zwei\nZeilen", "esc\u{1B}[31m"] {
            let shown = MarkdownText.code(id)
            #expect(!shown.contains("<") && !shown.contains("\n") && !shown.contains("\u{1B}"), "\(shown)")
            #expect(!shown.contains("|") || shown.contains("\\|"))
        }
    }

    @Test func controlCharactersNeverReachMarkdown() {
        #expect(MarkdownText.inline("a\u{1B}]0;t\u{7}b\u{0}") == #"a\#u{FFFD}\]0;t\#u{FFFD}b\#u{FFFD}"#)
    }

    /// An identifier stays on one line wherever it stands (a table row, a list item).
    @Test func anIdentifierWithALineBreakStaysOnOneLine() {
        #expect(MarkdownText.code("a\nb") == "a b")
        let code = MarkdownText.code("Datei\r\n<x>.csv").unicodeScalars
        #expect(!code.contains("\n") && !code.contains("\r"))
    }
}
