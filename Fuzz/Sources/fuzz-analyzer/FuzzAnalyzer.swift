import FuzzSupport
import TextAnalysis

/// The whole German analyzer chain on arbitrary text.
///
/// Invariants beyond "does not crash": every token's byte range lies within the input and slices
/// to its surface, tokens come in order without overlapping, and the case folding of a norm is
/// the norm itself (folding is idempotent).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput.text(start, count)
    let bytes = Array(text.utf8)
    let tokens: [Token]
    do {
        tokens = try Analyzer.analyzeGerman(text, resources: FuzzResources.analyzer)
    } catch {
        fatalError("the analyzer failed on \(bytes.count) bytes: \(error)")
    }
    var previousEnd = 0
    for token in tokens {
        require(token.start >= previousEnd && token.start < token.end && token.end <= bytes.count,
            "token \(token.start)..<\(token.end) after \(previousEnd) in \(bytes.count) bytes")
        require(String(decoding: bytes[token.start..<token.end], as: UTF8.self) == token.surface,
            "surface \(token.surface.debugDescription) is not the bytes \(token.start)..<\(token.end)")
        if token.kind != .emoji {
            require(CaseFoldingFilter.fold(token.norm) == token.norm,
                "norm \(token.norm.debugDescription) folds to \(CaseFoldingFilter.fold(token.norm).debugDescription)")
        }
        previousEnd = token.end
    }
    return 0
}
