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
}
