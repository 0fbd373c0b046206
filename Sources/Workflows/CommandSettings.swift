import Analytics
import Corpus
import Foundation
import Reports

/// What a command line says about reading comments, as the person typed it. ``readOptions()``
/// makes the readers' options of it, so that the command needs no type of the layers below.
public struct CommentSettings: Sendable {
    public var encoding = "auto"
    public var idColumn: String?
    public var textColumn: String?
    public var titleColumn: String?
    public var goalColumn: String?
    public var dateColumn: String?
    public var authorColumn: String?
    public var parentColumn: String?
    public var dateFormat: String?
    public var timezone = CommentSettings.defaultTimezone
    /// A ``ColumnFile`` to read the rest from.
    public var columnsFile: String?
    public var maximumTextLength = 20_000

    public static let defaultTimezone = "Europe/Berlin"
    public static let encodings = CommentReadOptions.Encoding.allCases.map(\.rawValue)

    public init() {}

    /// The readers' options. Rule: a value given here wins over the columns file's, and the
    /// columns file's over the default (an encoding of `auto` and the default time zone count as
    /// not given).
    public func readOptions() throws(ResonanzError) -> CommentReadOptions {
        let file = try columnsFile.map { path throws(ResonanzError) in try NightlyRun.loadColumnFile(path) } ?? ColumnFile()
        let zoneName = timezone == Self.defaultTimezone ? (file.timezone ?? timezone) : timezone
        guard let zone = TimeZone(identifier: zoneName) else {
            throw .badInput("'\(zoneName)' is no time zone (e.g. Europe/Berlin, UTC)")
        }
        let encodingName = encoding == "auto" ? (file.encoding ?? encoding) : encoding
        guard let encoding = CommentReadOptions.Encoding(rawValue: encodingName) else {
            throw .badInput("'\(encodingName)' is no encoding this tool reads (\(Self.encodings.joined(separator: ", ")))")
        }
        return CommentReadOptions(
            encoding: encoding, idColumn: idColumn ?? file.id, textColumn: textColumn ?? file.text,
            goalColumn: goalColumn ?? file.goal, dateColumn: dateColumn ?? file.date, authorColumn: authorColumn ?? file.author,
            parentColumn: parentColumn ?? file.parent, titleColumn: titleColumn ?? file.title,
            maximumTextLength: maximumTextLength, dates: DateReader(timeZone: zone, format: dateFormat ?? file.dateFormat))
    }
}

/// What a command line says about the analysis, as numbers, switches and names.
public struct AnalysisSettings: Sendable {
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    public var seed: UInt64 = 0
    public var threshold = AnalysisSettings.defaults.assignAt
    public var reviewFloor = AnalysisSettings.defaults.reviewFloor
    public var reviewPrecision = AnalysisSettings.defaults.reviewPrecision
    public var expansion = true
    public var selfTraining = true
    public var synonyms = true
    /// ``TopicClustering/Method`` by name.
    public var clusterer = TopicClustering.Method.gsdmm.rawValue
    /// A fixed number of topics per scope; nil lets each scope choose.
    public var topics: Int?

    static let defaults = MeasureAssigner.Settings()
    public static let clusterers = TopicClustering.Method.allCases.map(\.rawValue)

    public init() {}

    /// The pipeline's configuration (an unknown clusterer name is GSDMM; the command checks names
    /// against ``clusterers``).
    public var pipeline: PipelineConfiguration {
        var assignment = MeasureAssigner.Settings()
        assignment.assignAt = threshold
        assignment.reviewFloor = reviewFloor
        assignment.reviewPrecision = reviewPrecision
        if !expansion { assignment.expansion = nil }
        if !selfTraining { assignment.selfTraining = nil }
        if !synonyms { assignment.synonymWeight = 0 }
        var configuration = PipelineConfiguration(threads: threads, seed: seed, assignment: assignment)
        configuration.topics.clustering.method = TopicClustering.Method(rawValue: clusterer) ?? .gsdmm
        configuration.topics.fixedTopics = topics
        return configuration
    }
}

extension RunOptions {
    /// The languages reports can be written in, by code.
    public static let reportLanguages = ReportLanguage.allCases.map(\.rawValue)

    /// Sets the reports' language by its code (`de`, `en`); an unknown code leaves it as it is.
    public mutating func setLanguage(_ code: String) {
        if let language = ReportLanguage(rawValue: code) { self.language = language }
    }
}
