import Analytics
import Foundation

/// The format of a run's stored result (`run.result_format`, `run_result_part.data`), versioned
/// apart from the program and read back format by format.
///
/// - **1** (every result stored before the column existed; `result_format` is NULL): the JSON
///   text of the whole ``RunResult``, comment texts and quotes included.
/// - **2**: ``header``, then the same JSON text with every comment text and every quote's text
///   left empty. The header makes an earlier version, which would show the empty texts, refuse
///   the result as stored by another version instead. The
///   texts are read back from the store's comments as they stood at the run
///   (``Store/latestResult()``): each text is kept once, in `comment` or `comment_version`, so a
///   withdrawn comment's text is gone from the store with its row, and a million comments take
///   a few hundred megabytes less.
///
/// The keys of the JSON are part of the format. `Tests/Fixtures/stored/format-2-keys.txt` lists
/// every key path the stored result and the baseline snapshot of the mini run hold, and a test
/// compares them: a Swift property renamed without keeping its key (an explicit `CodingKeys`
/// case with the old name) fails there, not in a user's store. A change of what a key means, or
/// of what is stored, is a new format number with its reading here, and the fixtures of the
/// older format stay as the test that it is still read.
public enum ResultFormat {
    /// The format ``Store/commit(_:threads:)`` writes.
    public static let current = 2

    /// The first bytes of a format-2 result: not JSON, so no earlier version decodes it.
    static let header = Array("resonanz-result 2\n".utf8)

    /// The result with the texts format 2 does not store left empty: every comment's and quote's.
    static func withoutTexts(_ result: RunResult) -> RunResult {
        var stored = result
        stored.comments = result.comments.map(withoutText)
        replaceQuoteTexts(in: &stored) { _ in "" }
        return stored
    }

    static func withoutText(_ comment: CommentResult) -> CommentResult {
        var stored = comment
        stored.text = ""
        return stored
    }

    /// The JSON of a result stored in `format` (its header checked and dropped), nil when the
    /// bytes are not of that format.
    static func json(_ data: Data, format: Int) -> Data? {
        guard format >= 2 else { return data }
        guard data.starts(with: header) else { return nil }
        return data.dropFirst(header.count)
    }

    /// A format-2 result with its texts back: `text(id)` gives a comment's text as it stood at
    /// the run, nil for a comment the store no longer holds; the first such id is thrown.
    static func restoringTexts(
        _ stored: RunResult, text: (String) -> String?
    ) throws(MissingComment) -> RunResult {
        var result = stored
        func restored(_ id: String) throws(MissingComment) -> String {
            guard let text = text(id) else { throw MissingComment(id: id) }
            return text
        }
        for index in result.comments.indices {
            result.comments[index].text = try restored(result.comments[index].id)
        }
        try replaceQuoteTexts(in: &result, with: restored)
        return result
    }

    /// Sets the text of every quote of `result` (measures', goals' topics' and the topics') to
    /// `text` of its comment's id.
    private static func replaceQuoteTexts<Failure: Error>(
        in result: inout RunResult, with text: (String) throws(Failure) -> String
    ) throws(Failure) {
        for goal in result.goals.indices {
            for measure in result.goals[goal].measures.indices {
                for quote in result.goals[goal].measures[measure].representativeComments.indices {
                    let id = result.goals[goal].measures[measure].representativeComments[quote].commentID
                    result.goals[goal].measures[measure].representativeComments[quote].text = try text(id)
                }
            }
            try replaceQuoteTexts(in: &result.goals[goal].topics, with: text)
        }
        try replaceQuoteTexts(in: &result.topics, with: text)
    }

    private static func replaceQuoteTexts<Failure: Error>(
        in topics: inout [TopicResult], with text: (String) throws(Failure) -> String
    ) throws(Failure) {
        for topic in topics.indices {
            for quote in topics[topic].representativeComments.indices {
                topics[topic].representativeComments[quote].text = try text(
                    topics[topic].representativeComments[quote].commentID)
            }
        }
    }

    /// A comment a stored result refers to that the store no longer holds.
    struct MissingComment: Error {
        var id: String
    }
}
