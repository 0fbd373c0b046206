import Reports
import Testing

/// Tests the Excel-safety rules of ``AssignmentsCSVRenderer``.
struct AssignmentsCSVRendererTests {
    @Test(
        "cells",
        arguments: [
            ("plain", "plain"), ("a;b", "\"a;b\""), ("sagt \"nein\"", "\"sagt \"\"nein\"\"\""), ("zwei\nZeilen", "\"zwei\nZeilen\""),
            ("=SUMME(A1:A9)", "\"'=SUMME(A1:A9)\""), ("+49 3641", "\"'+49 3641\""), ("-gewinnung", "\"'-gewinnung\""), ("@handle", "\"'@handle\""),
        ])
    func cell(_ value: String, _ expected: String) {
        #expect(AssignmentsCSVRenderer.cell(value) == expected)
    }
}
