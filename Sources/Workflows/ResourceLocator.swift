import Analytics
import Foundation
import Reports
import TextAnalysis

/// Finds the folder holding `stopwords/` and `lexicon/`.
///
/// Order: the `--resources` option; the `RESONANZ_RESOURCES` environment variable; the folders
/// above the running executable (so `.build/release/resonanz` finds the repository it was built
/// in, also from cron); the current directory.
public enum ResourceLocator {
    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(ResonanzError) -> URL
    {
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            guard AnalyzerResources.isComplete(at: url) else {
                throw .badInput(
                    "\(explicit): not a resource folder (needs \(AnalyzerResources.allFiles.joined(separator: ", ")))")
            }
            return url
        }
        var candidates: [URL] = []
        if let fromEnvironment = environment["RESONANZ_RESOURCES"] {
            candidates.append(URL(fileURLWithPath: fromEnvironment))
        }
        // Bundle.main knows the executable's real path even when it was started through PATH.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for candidate in candidates where AnalyzerResources.isComplete(at: candidate) {
            return candidate.standardizedFileURL
        }
        throw .badInput(
            "cannot find the word lists (stopwords/, lexicon/); run from the repository, or name their folder "
                + "(RESONANZ_RESOURCES)", remedy: .nameResources)
    }

    /// Loads the analyzer resources from the located folder.
    public static func loadResources(explicit: String?) throws(ResonanzError) -> AnalyzerResources {
        let root = try locate(explicit: explicit)
        do {
            return try AnalyzerResources.load(from: root).withThesaurus(at: thesaurusPath)
        } catch {
            throw ResonanzError(error)
        }
    }

    /// Where the OpenThesaurus text is read from: `RESONANZ_THESAURUS` when set (empty: no
    /// thesaurus; the test suite sets it so that its figures do not depend on the machine), else
    /// the Debian package's file (``Thesaurus/systemPath``).
    static var thesaurusPath: String {
        ProcessInfo.processInfo.environment["RESONANZ_THESAURUS"] ?? Thesaurus.systemPath
    }

    /// The confidence model shipped in `models/` of the located folder, or the file `explicit`.
    public static func loadConfidenceModel(
        resources: String?, explicit: String? = nil
    ) throws(ResonanzError)
        -> ConfidenceModel
    {
        let url: URL
        if let explicit {
            url = URL(fileURLWithPath: explicit)
        } else {
            url = try locate(explicit: resources).appendingPathComponent(confidenceModelFile)
        }
        let model: ConfidenceModel
        do {
            model = try JSONDecoder().decode(ConfidenceModel.self, from: Data(contentsOf: url))
        } catch {
            throw .badInput("\(url.relativePath): not a confidence model: \(error.localizedDescription)")
        }
        guard model.features == PairFeatures.names, model.weights.count == model.features.count,
            model.weights.allSatisfy(\.isFinite)
        else {
            throw .badInput(
                "\(url.relativePath): the model uses the features \(model.features), this program computes \(PairFeatures.names); "
                    + "refit it with `make confidence-model`")
        }
        return model
    }

    /// Where the shipped confidence model lives, relative to the resource folder.
    public static let confidenceModelFile = "models/assignment-confidence.json"
}

extension ResourceLocator {
    /// The report templates: `templates/*.mustache` of the located folder, each replaced by the
    /// file of the same name in `override` (`--templates DIR`) when there is one.
    public static func loadTemplates(resources: String?, override: String?) throws(ResonanzError) -> ReportTemplates {
        let defaults = try locate(explicit: resources).appendingPathComponent("templates")
        if let override {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override, isDirectory: &isFolder), isFolder.boolValue else {
                throw .badInput("\(override): the templates must be a folder")
            }
        }
        var texts: [String: String] = [:]
        var paths: [String: String] = [:]
        for name in ReportTemplates.names {
            let custom = override.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            let url =
                custom.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
                ?? defaults.appendingPathComponent(name)
            do {
                texts[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw .badInput("\(url.path): cannot read the template: \(error.localizedDescription)")
            }
            paths[name] = url.path
        }
        do {
            return try ReportTemplates(texts: texts)
        } catch {
            throw .badInput("\(paths[error.name] ?? error.name): not a valid Mustache template: \(error.reason)")
        }
    }
}
