import Testing
import TextAnalysis

/// ``FormTable``: ids in the order forms are first added, forms equal by bytes and kind only,
/// and nothing lost when the table grows or starts again.
struct FormTableTests {
    @Test func givesIdsInTheOrderFormsAreFirstAdded() {
        var table = FormTable()
        #expect(table.add("Radwege", kind: .word) == (0, true))
        #expect(table.add("Busse", kind: .word) == (1, true))
        #expect(table.add("Radwege", kind: .word) == (0, false))
        #expect(table.id(of: "Busse", kind: .word) == 1)
        #expect(table.id(of: "Tram", kind: .word) == nil)
        #expect(table.count == 2)
        #expect(table.text(of: 1) == "Busse")
    }

    @Test func formsAreEqualByTheirBytesAndKind() {
        var table = FormTable()
        let composed = "Stra\u{DF}e \u{E4}"
        let decomposed = "Stra\u{DF}e a\u{308}"
        // Equal as Swift Strings (canonically equivalent), different bytes: two forms.
        #expect(composed == decomposed)
        #expect(table.add(composed, kind: .word).id == 0)
        #expect(table.add(decomposed, kind: .word).id == 1)
        // The same bytes as another kind: another form.
        #expect(table.add("1.000", kind: .number).id == 2)
        #expect(table.add("1.000", kind: .word).id == 3)
        // Prefixes and the empty form are forms of their own.
        #expect(table.add("Stra", kind: .word).id == 4)
        #expect(table.add("", kind: .word).id == 5)
        #expect(table.id(of: decomposed, kind: .word) == 1)
        #expect(table.id(of: "1.000", kind: .number) == 2)
    }

    @Test func keepsEveryFormWhileItGrowsAndAfterItStartsAgain() {
        var table = FormTable(capacity: 4)
        let forms = (0..<20_000).map { "Wort\($0)verkehrsberuhigung" }
        for (index, form) in forms.enumerated() { #expect(table.add(form, kind: .word) == (index, true)) }
        #expect(forms.indices.allSatisfy { table.id(of: forms[$0], kind: .word) == $0 && table.text(of: $0) == forms[$0] })
        table.removeAll()
        #expect(table.count == 0 && table.id(of: forms[7], kind: .word) == nil)
        #expect(table.add(forms[7], kind: .word) == (0, true))
    }
}
