import Analytics
import Corpus
import Foundation
import Logging
import Storage

/// The store of one command, held under its lock from opening to the end of the command.
final class StoreSession {
    /// How a run's comments relate to the store, worked out before anything is written.
    struct Plan {
        /// The sequence this run will get.
        var sequence: Int
        var changes: CommentChanges
        /// Every comment to analyse: stored ones first, in arrival order, then the new ones. The
        /// analysis takes them out (``NightlyRun/analyse(_:framework:intake:manifest:resources:confidenceModel:options:logger:clock:)``).
        var corpus: [StoredComment]
        var corpusSHA256: String
        /// The run "since the last run" compares with.
        var baseline: Baseline?
        /// Ids that arrived, or whose text changed, after the baseline run.
        var newSinceBaseline: Set<String>
        var changedSinceBaseline: Set<String>
        /// Reviewed decisions per comment id, applied to every run.
        var reviews: [String: ReviewedLabels]
        /// SHA-256 over the stored decisions, part of the run's identity.
        var reviewsSHA256: String
        /// The latest audit, for the estimates; nil when none was drawn.
        var audit: AuditPlan?
        /// What identifies the audit in the run's identity ("" without one).
        var auditKey: String
        /// Rows of this run whose comment was withdrawn earlier: not stored again.
        var withdrawnRows: Int
        /// Comments withdrawn so far that the store held (a tombstone for an id it never held
        /// only keeps the comment out).
        var withdrawnTotal: Int
    }

    let store: Store
    private let lock: StoreLock
    private let logger: Logger

    let framework: Framework

    /// Takes the lock (waiting with `options.wait`), then opens or creates the store, which must
    /// belong to `framework` (a store holds one consultation).
    init(_ options: RunOptions, framework: Framework, startedAt: String, logger: Logger) throws(ResonanzError) {
        let path = options.storePath
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .failed("\(path): cannot create the store's folder: \(error.localizedDescription)")
        }
        do {
            if options.wait { logger.info("waiting for the lock on \(path)") }
            lock = try StoreLock(storePath: path, wait: options.wait, now: startedAt)
            // The store is opened where the lock is: SQLite keeps its -wal and -shm files beside
            // the path it is given, and two paths to one store must not make two of them.
            store = try Store(path: StoreLock.resolvedPath(path))
            if let bound = try store.frameworkID(), bound != framework.id {
                throw ResonanzError.badInput(
                    "\(path): this store belongs to framework '\(bound)', not '\(framework.id)'", remedy: .useAnotherStore)
            }
        } catch {
            throw ResonanzError(wrapping: error)
        }
        self.framework = framework
        self.logger = logger
    }

    func plan(_ incoming: [Comment]) throws(ResonanzError) -> Plan {
        do {
            let pending = try store.pendingRuns()
            for run in pending {
                logger.warning(
                    "run \(run) was interrupted after storing its comments; this run counts them as new or changed and completes its reports"
                )
            }
            let tombstones = try store.tombstones()
            let admitted = incoming.filter { tombstones[$0.id] == nil }
            let stored = try store.comments()
            let sequence = try store.nextSequence()
            let changes = CorpusMerge.classify(admitted, stored: stored, pendingRuns: Set(pending))
            var corpus = CorpusMerge.apply(changes, to: stored, run: sequence)
            // Stored comments may name goals the framework has dropped since: analyse them without.
            let goals = Set(framework.goals.map(\.id))
            var orphaned = 0
            for index in corpus.indices {
                if let goal = corpus[index].comment.goal, !goals.contains(goal) {
                    corpus[index].comment.goal = nil
                    corpus[index].comment.metadata["posted_goal"] = goal
                    orphaned += 1
                }
            }
            if orphaned > 0 {
                logger.warning("\(orphaned) stored comments name goals the framework no longer has; analysed without goal")
            }
            let corpusSHA256 = CorpusMerge.corpusHash(corpus)
            let baseline = try store.baseline(differentFrom: corpusSHA256)
            let since = baseline?.sequence ?? 0
            let new = Set(corpus.filter { $0.firstRun > since }.map(\.comment.id))
            let changed = Set(corpus.filter { $0.firstRun <= since && $0.changedRun > since }.map(\.comment.id))
            let decisions = try store.reviewDecisions()
            let reviewsSHA256 = ContentHash.sha256(
                decisions.map { [$0.commentID, $0.measureID, $0.decision.rawValue].joined(separator: "\t") }
                    .joined(separator: "\n"))
            var audit: AuditPlan?
            var auditKey = ""
            if let stored = try store.latestAudit() {
                audit = AuditPlan(
                    sampled: Dictionary(stored.sample.map { ($0.id, $0.stratum) }, uniquingKeysWith: { first, _ in first }),
                    stratumSizes: stored.stratumSizes, frame: try store.commentIDs(storedBy: stored.run))
                auditKey = "\(stored.run)|\(stored.seed)|\(stored.drawnAt)|\(stored.sample.count)"
            }
            let note =
                "\(incoming.count) comments read: \(changes.new.count) new, \(changes.changed.count) changed, "
                + "\(changes.unchanged) already stored, \(changes.stale) older than the stored version; "
                + "\(corpus.count) comments in the store"
            logger.info("\(note)")
            return Plan(
                sequence: sequence, changes: changes, corpus: corpus, corpusSHA256: corpusSHA256, baseline: baseline,
                newSinceBaseline: new, changedSinceBaseline: changed, reviews: ReviewedLabels.resolve(decisions),
                reviewsSHA256: reviewsSHA256, audit: audit, auditKey: auditKey, withdrawnRows: incoming.count - admitted.count,
                withdrawnTotal: tombstones.values.filter { !$0.recordSHA256.isEmpty }.count)
        } catch {
            throw ResonanzError(error)
        }
    }

    /// Stores the run in one transaction; returns its sequence.
    func commit(
        _ kind: RunKind, plan: Plan, ingest: IngestResult, manifest: RunManifest, result: RunResult?, options: RunOptions,
        timings: [(stage: String, seconds: Double)]
    ) throws(ResonanzError) -> Int {
        var record = RunRecord(
            kind: kind, startedAt: manifest.startedAt, reportID: result == nil ? "" : manifest.id,
            corpusSHA256: plan.corpusSHA256, frameworkID: framework.id, frameworkSHA256: manifest.frameworkSHA256,
            seed: options.pipeline.seed, programVersion: ResonanzVersion.current, icuVersion: manifest.icuVersion,
            rowsRead: ingest.rowsRead, accepted: ingest.accepted, rejectedRows: ingest.rejected, warnings: ingest.warnings,
            inputs: kind == .analyze ? [] : manifest.inputFiles, changes: plan.changes, timings: timings, result: result)
        record.columns = ingest.columns
        record.supersededRows = ingest.superseded
        record.withdrawnRows = plan.withdrawnRows
        do {
            let sequence = try store.commit(record, threads: options.pipeline.threads)
            guard sequence == plan.sequence else {
                throw ResonanzError.failed("\(store.path): run stored as \(sequence), planned as \(plan.sequence)")
            }
            return sequence
        } catch {
            throw ResonanzError(wrapping: error)
        }
    }

    /// Withdraws the stored comments that `comments` (a complete export) no longer holds.
    func withdrawMissing(from comments: [Comment], at time: String) throws(ResonanzError) -> [String] {
        do {
            let present = Set(comments.map(\.id))
            let missing = try store.commentIDs().subtracting(present).sorted()
            guard !missing.isEmpty else { return [] }
            return try store.withdraw(missing, reason: "not in the complete export of \(time)", at: time)
        } catch {
            throw ResonanzError(error)
        }
    }

    /// Rewrites the store so that no freed page keeps a withdrawn text (after the run that
    /// replaced the results holding it).
    func purge() throws(ResonanzError) {
        do {
            try store.purgeFreedPages()
        } catch {
            throw ResonanzError(error)
        }
    }

    /// The write-ahead log folded in and truncated when the command is done with the store.
    deinit {
        try? store.checkpoint()
    }

    func markComplete(_ sequence: Int) throws(ResonanzError) {
        do {
            try store.markComplete(sequence, finishedAt: NightlyRun.timestamp(nil))
        } catch {
            throw ResonanzError(error)
        }
    }
}
