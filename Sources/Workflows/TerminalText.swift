import Corpus
import Logging
import Reports

/// What Resonanz prints on a terminal: every message, warning and error passes the same
/// redaction as report text (``Redactor``: contact details and control characters), so no value
/// from an input file can set a terminal's title, move its cursor or print an e-mail address
/// into a log.
public enum TerminalText {
    private static let redactor = Redactor(labels: .german)

    /// `text` as it may be printed: control characters as `�`, contact details as labels; the
    /// lines of a multi-line message stay lines.
    public static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { redactor.redact(String($0)) }
            .joined(separator: "\n")
    }
}

/// A log handler that prints through another one, each message made ``TerminalText/safe(_:)``
/// first (metadata values and an attached error's description too).
public struct SafeLogHandler: LogHandler {
    private var inner: any LogHandler

    public init(_ inner: any LogHandler) {
        self.inner = inner
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var safe = event
        safe.message = "\(TerminalText.safe(event.message.description))"
        var metadata = event.metadata?.mapValues { Logger.MetadataValue.string(TerminalText.safe($0.description)) }
        // An attached error would be printed as it describes itself: it goes in as safe metadata.
        if let error = event.error {
            metadata = (metadata ?? [:]).merging(
                ["error.message": .string(TerminalText.safe("\(error)"))], uniquingKeysWith: { _, new in new })
            safe.error = nil
        }
        safe.metadata = metadata
        inner.log(event: safe)
    }
}
