import PropertyBased
import Synchronization
import Testing
import TextAnalysis
import _TestSupport

/// Properties of the German analyzer chain on generated hostile text (``HostileText``): it never
/// crashes, token offsets slice the input to the token's surface, and normalisation is idempotent.
/// A failing case prints its seed; `.fixedSeed("…")` on the test replays it.
struct AnalyzerPropertyTests {
    @Test func tokenOffsetsLieWithinTheInputAndSliceToTheSurface() async {
        await propertyCheck(count: 400, input: HostileText.text()) { text in
            let bytes = Array(text.utf8)
            var previousEnd = 0
            for token in AnalyzerHelpers.analyze(text) {
                #expect(token.start >= previousEnd && token.start < token.end && token.end <= bytes.count)
                guard token.start >= 0, token.start < token.end, token.end <= bytes.count else { continue }
                #expect(String(decoding: bytes[token.start..<token.end], as: UTF8.self) == token.surface)
                #expect(!token.norm.isEmpty || token.kind != .word, "\(token.surface.debugDescription) has no norm")
                previousEnd = token.end
            }
        }
    }

    /// NFKC_Casefold with the added rules is a closure: folding a folded text changes nothing.
    @Test func caseFoldingIsIdempotent() async {
        await propertyCheck(count: 400, input: HostileText.text()) { text in
            let folded = CaseFoldingFilter.fold(text)
            #expect(CaseFoldingFilter.fold(folded) == folded, "\(text.debugDescription)")
        }
    }

    /// Normalisation is idempotent: the normalizer's filters (gender forms, case folding) applied
    /// again to the tokens they produced change no norm.
    @Test func normalisingTwiceIsNormalisingOnce() async throws {
        let normalizer = Analyzer.germanNormalizer()
        let session = try WordBreakSession()
        await propertyCheck(count: 400, input: HostileText.text()) { text in
            let once = try normalizer.analyze(text, session: session)
            var twice = once
            normalizer.apply(to: &twice)
            #expect(twice.map(\.norm) == once.map(\.norm), "\(text.debugDescription)")
        }
    }

    /// On words separated by spaces, a word's norm analysed again by the normalizer is that one
    /// word with the same norm. (Glued to symbols, addresses or ligatures that expand to several
    /// words, a norm may re-tokenize differently; docs/robustness.md lists those cases.)
    @Test func aNormAnalysedAgainIsTheSameWord() async throws {
        let normalizer = Analyzer.germanNormalizer()
        let session = try WordBreakSession()
        let words = Gen<String?>.element(of: HostileText.words).map { $0 ?? "" }.array(of: 1...30)
        await propertyCheck(count: 300, input: words) { words in
            for token in try normalizer.analyze(words.joined(separator: " "), session: session) where token.kind == .word {
                let again = try normalizer.analyze(token.norm, session: session)
                #expect(again.map(\.norm) == [token.norm], "\(token.surface.debugDescription) → \(token.norm.debugDescription)")
            }
        }
    }

    /// ``WordFormMemo`` over the full chain gives exactly the tokens of the chain itself, on
    /// hostile text read as a corpus whose word forms repeat (the memo is kept across texts).
    @Test func theMemoGivesTheTokensOfTheChain() async throws {
        let session = try WordBreakSession()
        let normalizer = Analyzer.germanNormalizer()
        var vocabulary = CorpusVocabulary()
        vocabulary.add(try normalizer.analyze(HostileText.words.joined(separator: " "), session: session))
        let chain = Analyzer.german(resources: Fixtures.resources, vocabulary: vocabulary)
        let memo = Mutex(WordFormMemo(filters: chain.filters, capacity: 64))
        await propertyCheck(count: 300, input: HostileText.text(pieces: 0...60)) { text in
            let plain = try chain.analyze(text, session: session)
            var tokens = try chain.tokenizer.tokenize(text, session: session)
            memo.withLock { $0.apply(to: &tokens) }
            #expect(tokens == plain, "\(text.debugDescription)")
        }
    }

    /// The full chain on every generated text, read as a corpus: stems are never empty for words.
    @Test func theChainNeverCrashesAndEveryWordHasAStem() async {
        await propertyCheck(count: 300, input: HostileText.text(pieces: 0...200)) { text in
            for token in AnalyzerHelpers.analyze(text) where token.kind == .word {
                #expect(!token.stem.isEmpty, "\(token.surface.debugDescription) has no stem")
            }
        }
    }
}
