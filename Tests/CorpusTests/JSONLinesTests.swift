import Corpus
import Testing

/// Tests ``JSONLines``.
struct JSONLinesTests {
    @Test func objectsByLineWithBlankLinesSkippedAndNonObjectsNil() {
        let found = JSONLines.objects(in: "{\"a\": 1}\r\n\n  \n[1, 2]\n{\"b\": \"x\"}\nnicht json")
        #expect(found.map(\.line) == [1, 4, 5, 6])
        #expect(found.map { $0.object == nil } == [false, true, false, true])
        #expect(found[2].object?["b"] as? String == "x")
    }
}
