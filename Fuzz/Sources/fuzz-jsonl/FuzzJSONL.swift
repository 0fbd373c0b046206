import FuzzSupport

private let reader = ReaderInvariants(pathExtension: "jsonl")

/// The comment reader on arbitrary bytes as a .jsonl file; see ``ReaderInvariants`` for what is checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    reader.check(FuzzInput.bytes(start, count))
    return 0
}
