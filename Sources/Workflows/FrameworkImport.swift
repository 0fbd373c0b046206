import Corpus
import Foundation

/// `resonanz framework import`.
public enum FrameworkImport {
    /// The framework YAML for the strategy text at `path`, checked by loading it back.
    public static func importStrategy(path: String, id: String?, title: String?) throws(ResonanzError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .badInput("\(path): cannot read: \(error.localizedDescription)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let framework = StrategyImporter.parse(
            text, id: id ?? StrategyImporter.slug(name).lowercased(), title: title ?? name)
        guard !framework.goals.isEmpty else {
            throw .badInput("\(path): no goal found (goal headings are bullet lines starting with '• ')")
        }
        if let empty = framework.goals.first(where: { $0.measures.isEmpty }) {
            throw .badInput(
                "\(path): goal '\(empty.title)' has no measures (lines starting with '…' after 'Dazu unterstützen wir')")
        }
        let yaml = FrameworkYAMLWriter.yaml(framework, header: ["Imported by `resonanz framework import` from \(URL(fileURLWithPath: path).lastPathComponent)."])
        do {
            _ = try FrameworkLoader.parse(yaml, path: "(imported framework)")
        } catch {
            throw .failed("the imported framework does not load back: \(error.description)")
        }
        return yaml
    }

    public static func write(_ yaml: String, to path: String) throws(ResonanzError) {
        try FileOutput.write(yaml, to: URL(fileURLWithPath: path))
    }
}
