import TextAnalysis

/// Failures of an analysis, each naming what caused it.
public enum AnalyticsError: Error, CustomStringConvertible {
    /// The analyzer failed on a text.
    case analysis(TextAnalysisError)
    /// Settings no analysis can run with, and the rule they break.
    case invalidSettings(String)
    /// A confidence model made for other pair features than this program computes.
    case incompatibleModel(features: [String])

    public var description: String {
        switch self {
        case .analysis(let error): return error.description
        case .invalidSettings(let rule): return "invalid settings: \(rule)"
        case .incompatibleModel(let features):
            return "the confidence model was fitted on the features \(features.joined(separator: ", ")), "
                + "not on \(PairFeatures.names.joined(separator: ", ")); refit it"
        }
    }
}
