import Corpus
import FuzzSupport

/// The framework parser (YAML) on arbitrary text: it returns a framework or a ``CorpusError``
/// with a message, never crashes; a framework it returns has goals with unique ids, and
/// every measure belongs to the goal that lists it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFramework(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput.text(start, count)
    do {
        let framework = try FrameworkLoader.parse(text, path: "fuzz.yaml")
        let goalIDs = framework.goals.map(\.id)
        require(Set(goalIDs).count == goalIDs.count, "goal ids repeat: \(goalIDs)")
        for goal in framework.goals {
            require(goal.measures.allSatisfy { $0.goalID == goal.id }, "a measure of \(goal.id) names another goal")
        }
    } catch {
        require(!error.description.isEmpty, "an error without a message")
    }
    return 0
}
