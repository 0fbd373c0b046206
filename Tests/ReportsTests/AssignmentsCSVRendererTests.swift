import Reports
import Testing
import _TestSupport

/// Tests the Excel-safety rules of ``AssignmentsCSVRenderer``.
struct AssignmentsCSVRendererTests {
    @Test(
        "cells",
        arguments: [
            ("plain", "plain"), ("a;b", "\"a;b\""), ("sagt \"nein\"", "\"sagt \"\"nein\"\"\""),
            ("zwei\nZeilen", "\"zwei\nZeilen\""),
            ("=SUMME(A1:A9)", "\"'=SUMME(A1:A9)\""), ("+49 3641", "\"'+49 3641\""), ("-gewinnung", "\"'-gewinnung\""),
            ("@handle", "\"'@handle\""),
        ])
    func cell(_ value: String, _ expected: String) {
        #expect(AssignmentsCSVRenderer.cell(value) == expected)
    }

    /// The file handed on in pieces of whole rows is the file rendered at once.
    @Test func piecesJoinToTheWholeFile() throws {
        var result = try MiniRun.result()
        let one = result.comments
        let copies = 3 * JSONWriter.pieceSize / AssignmentsCSVRenderer.render(result).utf8.count + 1
        result.comments = (0..<copies).flatMap { _ in one }
        let whole = AssignmentsCSVRenderer.render(result)
        var pieces: [String] = []
        AssignmentsCSVRenderer.render(result) { pieces.append($0) }
        #expect(pieces.joined() == whole)
        #expect(pieces.count >= 3)
        #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("\r\n") })
    }
}
