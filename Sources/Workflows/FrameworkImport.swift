import Corpus
import Foundation

/// `resonanz framework import`.
public enum FrameworkImport {
    /// The framework YAML for the strategy text at `path`, checked by loading it back.
    public static func importStrategy(path: String, id: String?, title: String?) throws(ResonanzError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .badInput("\(path): cannot read: \(error.localizedDescription)")
        }
        // UTF-8, UTF-16 or Windows-1252, as the file is (a strategy saved from Word often is not UTF-8).
        let text: String
        do {
            text = try TextDecoding.text(of: data, path: path).text
        } catch {
            throw ResonanzError(error)
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let framework = StrategyImporter.parse(
            text, id: id ?? StrategyImporter.slug(name).lowercased(), title: title ?? name)
        guard !framework.goals.isEmpty else {
            throw .badInput("\(path): no goal found (goal headings are bullet lines starting with •, -, * or a number)")
        }
        if let empty = framework.goals.first(where: { $0.measures.isEmpty }) {
            throw .badInput(
                "\(path): goal '\(empty.title)' has no measures (lines starting with '…' after 'Dazu unterstützen wir')")
        }
        let yaml = FrameworkYAMLWriter.yaml(
            framework, header: ["Imported by `resonanz framework import` from \(URL(fileURLWithPath: path).lastPathComponent)."])
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
