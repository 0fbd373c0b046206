import Analytics
import Corpus
import Foundation
import Reports
import TextAnalysis

/// `resonanz tokenize`.
public enum Inspection {
    /// The analyzer's view of `text`, as JSON or as a table.
    public static func tokenize(_ text: String, json: Bool, resources: String?) throws(ResonanzError) -> String {
        let loaded = try ResourceLocator.loadResources(explicit: resources)
        let tokens: [Token]
        do {
            tokens = try Analyzer.analyzeGerman(text, resources: loaded)
        } catch {
            throw ResonanzError(error)
        }
        return json ? TokenRenderer.json(tokens) : TokenRenderer.table(tokens)
    }
}
