/// One stage of an analyzer chain after the tokenizer.
///
/// Resonanz passes whole arrays instead of the pull streams of Lucene and tantivy: comments are
/// short (a few hundred tokens at most), arrays are simpler to make `Sendable`, and two stages
/// (compound splitting, hyphen-ellipsis completion) need to look at neighbouring tokens.
///
/// A filter must not change `surface`, `start` or `end` of a token, and must not reorder tokens.
/// It may drop tokens only where its documentation says so. It treats a token without a
/// suspended hyphen on its own, from its fields alone, and never reads `start` or `end`:
/// ``WordFormMemo`` relies on it to filter each word form once.
public protocol TokenFilter: Sendable {
    /// Applies the filter to the tokens of one text, in place.
    func apply(to tokens: inout [Token])
}
