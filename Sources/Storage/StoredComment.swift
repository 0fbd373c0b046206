import Corpus

/// A comment as the store keeps it: the comment and where it stands in the store's history.
public struct StoredComment: Sendable, Equatable {
    public var comment: Comment
    /// Order of first arrival; the analysis reads comments in this order.
    public var ordinal: Int
    /// 1 for the first text under this id, +1 for every changed text.
    public var version: Int
    /// SHA-256 of everything the analysis reads of the comment (``CorpusMerge/recordHash(_:)``).
    public var recordSHA256: String
    /// Record hashes of the comment's earlier versions: an older export that brings one of them
    /// again is stale, not a change.
    public var previousRecordHashes: Set<String> = []
    /// Sequence of the run that first stored the id.
    public var firstRun: Int
    /// Sequence of the run that stored the current text.
    public var changedRun: Int
}

/// How the comments read in a run relate to the store.
public struct CommentChanges: Sendable, Equatable {
    /// Ids the store does not have, in input order.
    public var new: [Comment] = []
    /// Ids the store has with another text: the new text, in input order.
    public var changed: [Comment] = []
    /// Ids the store has with the same record: nothing to store.
    public var unchanged: Int = 0
    /// Ids the store has, whose record equals an earlier version: an older export, ignored.
    public var stale: Int = 0
    /// Ids stored, with this record, by a run that was killed before its reports were in place:
    /// new (or changed) since the last finished run, and counted so, though already stored.
    public var recoveredNew: Int = 0
    public var recoveredChanged: Int = 0

    public init(new: [Comment] = [], changed: [Comment] = [], unchanged: Int = 0, stale: Int = 0) {
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.stale = stale
    }
}

/// Pure functions that merge a run's comments into the stored ones.
public enum CorpusMerge {
    /// SHA-256 over what the analysis reads of a comment: text, goal, date, author, parent,
    /// labels. A moderator moving a comment to another goal is a change even with the same text.
    public static func recordHash(_ comment: Comment) -> String {
        let fields = [
            comment.text, comment.goal ?? "", comment.createdAt ?? "", comment.author ?? "", comment.parentID ?? "",
            comment.labels.joined(separator: ";"), comment.labelsGiven ? "1" : "0",
        ]
        return ContentHash.sha256(fields.joined(separator: "\u{1F}"))
    }

    /// Sorts incoming comments against the store, by id and record hash: new ids; changed
    /// records; unchanged ones; and stale ones, whose record equals an earlier version of the
    /// stored comment (an older export read again must not undo an edit). Reading the same file
    /// twice therefore adds nothing.
    ///
    /// A comment that an interrupted run (`pendingRuns`) stored first, or changed, counts as
    /// recovered new or changed rather than unchanged: the interrupted run's night never ended.
    public static func classify(_ incoming: [Comment], stored: [StoredComment], pendingRuns: Set<Int> = []) -> CommentChanges {
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.comment.id, $0) })
        var changes = CommentChanges()
        for comment in incoming {
            guard let existing = byID[comment.id] else {
                changes.new.append(comment)
                continue
            }
            let hash = recordHash(comment)
            if existing.recordSHA256 == hash {
                if pendingRuns.contains(existing.firstRun) {
                    changes.recoveredNew += 1
                } else if pendingRuns.contains(existing.changedRun) {
                    changes.recoveredChanged += 1
                } else {
                    changes.unchanged += 1
                }
            } else if existing.previousRecordHashes.contains(hash) {
                changes.stale += 1
            } else {
                changes.changed.append(comment)
            }
        }
        return changes
    }

    /// The comments to analyse after a run's changes: the stored ones in arrival order, changed
    /// texts replaced, new ones appended in input order; with the run that brought each text.
    public static func apply(_ changes: CommentChanges, to stored: [StoredComment], run: Int) -> [StoredComment] {
        let changedByID = Dictionary(uniqueKeysWithValues: changes.changed.map { ($0.id, $0) })
        var result = stored.map { item -> StoredComment in
            guard let replacement = changedByID[item.comment.id] else { return item }
            var updated = item
            updated.previousRecordHashes.insert(item.recordSHA256)
            updated.comment = replacement
            updated.version += 1
            updated.recordSHA256 = recordHash(replacement)
            updated.changedRun = run
            return updated
        }
        var ordinal = (stored.map(\.ordinal).max() ?? 0) + 1
        for comment in changes.new {
            result.append(
                StoredComment(
                    comment: comment, ordinal: ordinal, version: 1,
                    recordSHA256: recordHash(comment), firstRun: run, changedRun: run))
            ordinal += 1
        }
        return result
    }

    /// SHA-256 over everything of the comments that the analysis reads, in order: the state of
    /// the corpus. Two runs with equal hashes analyse the same comments.
    public static func corpusHash(_ comments: [StoredComment]) -> String {
        var text = ""
        for item in comments {
            let comment = item.comment
            let fields = [comment.id, item.recordSHA256, comment.source.file, String(comment.source.line)]
            text += fields.joined(separator: "\u{1F}") + "\n"
        }
        return ContentHash.sha256(text)
    }
}
