import Logging
import Synchronization
import Testing
import Workflows

/// ``SafeLogHandler``: nothing that reaches the terminal through the logger carries control
/// characters or contact details, whether in the message, the metadata or an attached error.
struct SafeLogHandlerTests {
    struct HostileError: Error, CustomStringConvertible {
        var description: String { "bad row from anna@example.org\u{1B}]0;owned\u{07}" }
    }

    @Test func messageMetadataAndErrorAreRedacted() throws {
        let captured = Captured()
        var logger = Logger(label: "test", factory: { _ in SafeLogHandler(Capturing(captured: captured)) })
        logger.logLevel = .info
        logger.warning(
            "row of anna@example.org \u{1B}[2J", error: HostileError(), metadata: ["file": "x\u{1B}]0;t\u{07}.csv"])
        let event = try #require(captured.events.withLock { $0.first })
        let printed = [event.message.description] + (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }
        #expect(event.error == nil)
        #expect(event.metadata?["error.message"] != nil)
        for text in printed {
            #expect(!text.contains("anna@example.org"), "\(text.debugDescription)")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(text.debugDescription)")
        }
    }
}

private final class Captured: Sendable {
    let events = Mutex<[LogEvent]>([])
}

/// A handler that keeps what it is given.
private struct Capturing: LogHandler {
    let captured: Captured
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        captured.events.withLock { $0.append(event) }
    }
}
