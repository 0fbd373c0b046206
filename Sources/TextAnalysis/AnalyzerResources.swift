import Foundation

/// The word lists the German analyzer reads, loaded once from the repository's data folders.
///
/// Files, relative to the resource root (the repository, or wherever `stopwords/` and `lexicon/`
/// were installed); each is in the Snowball word-list format (``Wordlist``):
/// - `stopwords/de.txt`: the Snowball German list, plus `dass`, minus negations;
/// - `stopwords/de-consultation.txt`: words frequent in consultation comments that carry no topic;
/// - `stopwords/de-abbreviations.txt`: abbreviations that are never keywords (`z.b`, `bzw`);
/// - `lexicon/de-nouns.txt`: German noun forms (from the CISTEM gold standards, MIT licence);
/// - `lexicon/de-supplement.txt`: current vocabulary the noun list lacks (written for Resonanz);
/// - `lexicon/de-compound-exceptions.txt`: words never split (`bahnhof`);
/// - `lexicon/de-blocked-heads.txt`: nouns never used as a compound head (`schaft`);
/// - `lexicon/de-feminine-exceptions.txt`: words whose `-in` is no feminine ending (`termin`).
public struct AnalyzerResources: Sendable {
    public var stopwords: Set<String>
    public var abbreviations: Set<String>
    public var lexiconWords: Set<String>
    public var compoundExceptions: Set<String>
    public var blockedHeads: Set<String>
    public var feminineExceptions: Set<String>
    /// Synonyms of nouns for the words a measure does not use; nil when OpenThesaurus is not
    /// installed (``withThesaurus(at:)``).
    public var thesaurus: Thesaurus?

    public init(
        stopwords: Set<String> = [], abbreviations: Set<String> = [], lexiconWords: Set<String> = [],
        compoundExceptions: Set<String> = [], blockedHeads: Set<String> = [],
        feminineExceptions: Set<String> = []
    ) {
        self.stopwords = stopwords
        self.abbreviations = abbreviations
        self.lexiconWords = lexiconWords
        self.compoundExceptions = compoundExceptions
        self.blockedHeads = blockedHeads
        self.feminineExceptions = feminineExceptions
    }

    /// Paths of the files, relative to the resource root, in load order.
    public static let stopwordFiles = ["stopwords/de.txt", "stopwords/de-consultation.txt"]
    public static let abbreviationFile = "stopwords/de-abbreviations.txt"
    public static let lexiconFiles = ["lexicon/de-nouns.txt", "lexicon/de-supplement.txt"]
    public static let compoundExceptionFile = "lexicon/de-compound-exceptions.txt"
    public static let blockedHeadFile = "lexicon/de-blocked-heads.txt"
    public static let feminineExceptionFile = "lexicon/de-feminine-exceptions.txt"

    /// Every file the resources consist of.
    public static var allFiles: [String] {
        stopwordFiles + [abbreviationFile] + lexiconFiles
            + [compoundExceptionFile, blockedHeadFile, feminineExceptionFile]
    }

    /// Loads all lists from `root`.
    public static func load(from root: URL) throws(TextAnalysisError) -> AnalyzerResources {
        func words(_ paths: [String]) throws(TextAnalysisError) -> Set<String> {
            var result: Set<String> = []
            for path in paths {
                result.formUnion(try Wordlist.load(root.appendingPathComponent(path)))
            }
            return result
        }
        return AnalyzerResources(
            stopwords: try words(stopwordFiles),
            abbreviations: try words([abbreviationFile]),
            lexiconWords: try words(lexiconFiles),
            compoundExceptions: try words([compoundExceptionFile]),
            blockedHeads: try words([blockedHeadFile]),
            feminineExceptions: try words([feminineExceptionFile]))
    }

    /// These resources with the OpenThesaurus text at `path` (``Thesaurus/systemPath``) when the
    /// file is there, its words matched by the analyzer's stems; unchanged otherwise.
    public func withThesaurus(at path: String = Thesaurus.systemPath) throws(TextAnalysisError) -> AnalyzerResources {
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path) else { return self }
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw .unreadableWordList(path: path, reason: error.localizedDescription)
        }
        let stems = StemFilter(nounsWithGe: StemFilter.nouns(beginningWithGe: lexiconWords))
        var copy = self
        copy.thesaurus = Thesaurus(text: text) { stems.key(CaseFoldingFilter.fold($0)) }
        return copy
    }

    /// True when `root` holds every resource file.
    public static func isComplete(at root: URL) -> Bool {
        allFiles.allSatisfy { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }
}
