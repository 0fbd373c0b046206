import FuzzSupport

private let reader = ReaderInvariants(pathExtension: "csv")

/// The comment reader on arbitrary bytes as a .csv file; see ``ReaderInvariants`` for what is checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    reader.check(FuzzInput.bytes(start, count))
    return 0
}
