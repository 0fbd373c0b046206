import Analytics
import Corpus
import Foundation
import Logging
import Reports
import Storage

/// What `resonanz review import` did.
public struct ReviewImportSummary: Sendable {
    public var rowsRead: Int
    /// Decisions implied by a row (the rejected suggestion when another measure was chosen).
    public var implied: Int
    public var added: Int
    public var repeated: Int
    public var blank: Int
    public var rejected: [RejectedRow]
    /// Cohen's κ between the imported decisions and the latest analysis (was the pair assigned?),
    /// over the pairs no earlier import had decided (an analysis after an import applies its
    /// decisions, so agreeing with them says nothing); nil without an analysis or such pairs.
    public var agreement: Double?
    public var decided: Int

    public var accountingLine: String {
        "read \(rowsRead) rows: \(rowsRead - blank - rejected.count) decided, \(blank) left blank, \(rejected.count) rejected; "
            + "\(added + repeated) decisions (\(added) new, \(repeated) already stored"
            + (implied > 0 ? "; \(implied) of them the rejected suggestion where another measure was chosen)" : ")")
    }
}

/// `resonanz review import` and `resonanz review queue`.
public enum ReviewWorkflow {
    /// Reads a review file and stores its decisions; every later run applies them.
    /// Rows naming a comment the store does not hold are rejected like malformed rows.
    public static func importFile(
        _ path: String, options: RunOptions, logger: Logger
    ) throws(ResonanzError)
        -> ReviewImportSummary
    {
        let framework = try NightlyRun.loadFramework(options.framework)
        guard FileManager.default.fileExists(atPath: options.storePath) else {
            throw .badInput("\(options.storePath): no store here; run `resonanz run` first, then review its comments")
        }
        var file: ReviewFile
        do {
            file = try ReviewReader.read(URL(fileURLWithPath: path), measureIDs: Set(framework.measures.map(\.id)))
        } catch {
            throw ResonanzError(error)
        }
        let startedAt = NightlyRun.timestamp(options.startedAt)
        let session = try StoreSession(options, framework: framework, startedAt: startedAt, logger: logger)
        do {
            let known = try session.store.commentIDs()
            // Reports and the queue show an id that holds contact details as its pseudonym.
            var shown: [String: String] = [:]
            for labels in [Redactor.Labels.german, .english] {
                let redactor = Redactor(labels: labels)
                for id in known {
                    let pseudonym = redactor.identifier(id)
                    if pseudonym != id { shown[pseudonym] = id }
                }
            }
            let (decisions, unknown) = file.decisions.reduce(into: ([ReviewDecision](), [ReviewDecision]())) { split, decision in
                var decision = decision
                if !known.contains(decision.commentID), let id = shown[decision.commentID] { decision.commentID = id }
                if known.contains(decision.commentID) { split.0.append(decision) } else { split.1.append(decision) }
            }
            file.decisions = decisions
            file.rejected += unknown.map { decision in
                RejectedRow(
                    source: decision.source, id: decision.commentID,
                    reason: "unknown comment \(Untrusted.quoted(decision.commentID)) (not in the store)",
                    excerpt: [decision.commentID, decision.measureID, decision.decision.rawValue].joined(separator: " "))
            }
            file.rejected.sort { ($0.source.file, $0.source.line) < ($1.source.file, $1.source.line) }
            let earlier = Set(try session.store.reviewDecisions().map { [$0.commentID, $0.measureID] })
            let stored = try session.store.importReviews(decisions, importedAt: startedAt)
            let fresh = decisions.filter { !earlier.contains([$0.commentID, $0.measureID]) }
            let agreement = try agreementWithLatest(fresh, store: session.store)
            return ReviewImportSummary(
                rowsRead: file.rowsRead, implied: file.implied, added: stored.added, repeated: stored.repeated, blank: file.blank,
                rejected: file.rejected, agreement: agreement, decided: fresh.count)
        } catch {
            throw ResonanzError(wrapping: error)
        }
    }

    /// κ between human and tool on the decided pairs: human yes for accept/assign, tool yes when
    /// the latest analysis assigned the pair.
    static func agreementWithLatest(_ decisions: [ReviewDecision], store: Store) throws(StorageError) -> Double? {
        guard !decisions.isEmpty, let latest = try store.latestResult() else { return nil }
        let assigned = Dictionary(
            latest.comments.map { ($0.id, $0.status == .assigned ? Set($0.assignments.map(\.measureID)) : []) },
            uniquingKeysWith: { first, _ in first })
        let human = decisions.map { $0.decision != .reject }
        let tool = decisions.map { decision in
            let measures = assigned[decision.commentID] ?? []
            return decision.measureID == ReviewDecision.everyMeasure ? !measures.isEmpty : measures.contains(decision.measureID)
        }
        return CohenKappa.kappa(human, tool)
    }

    /// Draws an audit of `size` comments from the latest analysis (``AuditSampler``, strata by the
    /// measure each comment was counted for), stores it, and writes it to `file` for complete
    /// review; returns how many comments it holds. Later runs estimate every measure's count from
    /// the reviewed sample (``AuditEstimator``).
    public static func audit(
        size: Int, seed: UInt64, file: String, options: RunOptions, logger: Logger
    ) throws(ResonanzError) -> Int {
        let framework = try NightlyRun.loadFramework(options.framework)
        guard FileManager.default.fileExists(atPath: options.storePath) else {
            throw .badInput("\(options.storePath): no store here; run `resonanz run` first")
        }
        let drawnAt = NightlyRun.timestamp(options.startedAt)
        let session = try StoreSession(options, framework: framework, startedAt: drawnAt, logger: logger)
        do {
            guard let result = try session.store.latestResult(), let run = try session.store.latestAnalysedRun() else {
                throw ResonanzError.badInput("\(options.storePath): the store holds no finished analysis yet; run `resonanz run`")
            }
            let strata = result.comments.map { $0.status == .assigned ? ($0.assignments.first?.measureID ?? "") : "" }
            let (draws, sizes) = AuditSampler.draw(strata: strata, size: size, seed: seed)
            try session.store.recordAudit(
                StoredAudit(
                    run: run, drawnAt: drawnAt, seed: seed,
                    sample: draws.map { (id: result.comments[$0.index].id, stratum: $0.stratum) }, stratumSizes: sizes))
            try FileOutput.write(
                ReviewQueueRenderer.render(Redactor().redact(result), queue: draws.map(\.index), audit: true),
                to: URL(fileURLWithPath: file))
            return draws.count
        } catch {
            throw ResonanzError(wrapping: error)
        }
    }

    /// Writes the `count` comments of the latest analysis whose review helps most (see
    /// ``ReviewQueue``) to `file`; returns how many comments it holds.
    public static func queue(count: Int, file: String, options: RunOptions, logger: Logger) throws(ResonanzError) -> Int {
        let framework = try NightlyRun.loadFramework(options.framework)
        guard FileManager.default.fileExists(atPath: options.storePath) else {
            throw .badInput("\(options.storePath): no store here; run `resonanz run` first")
        }
        let session = try StoreSession(
            options, framework: framework, startedAt: NightlyRun.timestamp(options.startedAt), logger: logger)
        let latest: RunResult?
        let reviewed: Set<String>
        do {
            latest = try session.store.latestResult()
            reviewed = Set(try session.store.reviewDecisions().map(\.commentID))
        } catch {
            throw ResonanzError(error)
        }
        guard let result = latest else {
            throw .badInput("\(options.storePath): the store holds no finished analysis yet; run `resonanz run`")
        }
        let queue = ReviewQueue.rank(result.comments, assignAt: result.method.assignAt, reviewed: reviewed, limit: count)
        try FileOutput.write(ReviewQueueRenderer.render(Redactor().redact(result), queue: queue), to: URL(fileURLWithPath: file))
        return queue.count
    }
}
