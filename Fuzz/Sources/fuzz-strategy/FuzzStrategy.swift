import Corpus
import FuzzSupport

/// The strategy-text importer on arbitrary text, as `resonanz framework import` runs it: whatever
/// it finds is written as framework YAML, which must load back to the same framework.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStrategy(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput.text(start, count)
    let framework = StrategyImporter.parse(text, id: "fuzz", title: "Fuzz")
    guard !framework.goals.isEmpty, framework.goals.allSatisfy({ !$0.measures.isEmpty }) else { return 0 }
    let yaml = FrameworkYAMLWriter.yaml(framework)
    do {
        let loaded = try FrameworkLoader.parse(yaml, path: "imported.yaml")
        require(loaded == framework, "the imported framework loads back different:\n\(yaml)")
    } catch {
        fatalError("the imported framework does not load back: \(error)\n\(yaml)")
    }
    return 0
}
