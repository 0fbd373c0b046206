import Testing

@testable import TextAnalysis

/// Tests ``WordPresenceFilter`` and ``Lexicon/mayKnow(_:)``: never "certainly not" for a word
/// held, and "certainly not" for most words not held.
struct WordPresenceFilterTests {
    /// Made-up words of two to sixteen letters, umlauts and ß among them, different for every `index`.
    static func word(_ index: Int, salt: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöüß")
        var value = index &* 2_654_435_761 &+ salt
        var word = ""
        for _ in 0..<(2 + index % 15) {
            word.append(letters[value % letters.count])
            value = value / letters.count &+ index &* 31 &+ 7
        }
        return word + String(index)
    }

    func mayContain(_ filter: WordPresenceFilter, _ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer(filter.mayContain)
    }

    @Test func holdsEveryWordItWasGiven() {
        let held = (0..<20_000).map { Self.word($0, salt: 1) }
        var filter = WordPresenceFilter(capacity: held.count)
        for word in held { filter.insert(word) }
        #expect(held.allSatisfy { mayContain(filter, $0) })
        let others = (0..<20_000).map { Self.word($0, salt: 2) + "x" }
        let perhaps = others.filter { mayContain(filter, $0) }.count
        // Two bits of a 64-bit block, 16 bits a word: about 2 % of the others.
        #expect(perhaps < others.count / 20)
    }

    @Test func anEmptyFilterHoldsNothing() {
        let filter = WordPresenceFilter(capacity: 0)
        #expect(!mayContain(filter, ""))
        #expect(!mayContain(filter, "straße"))
    }

    @Test func lexiconMayKnowItsWordsAndTheCorpusWords() {
        var vocabulary = CorpusVocabulary()
        var token = Token(surface: "Mängelmelder", start: 0, end: 14, kind: .word)
        token.norm = "mängelmelder"
        vocabulary.add(token, occurrences: 1)
        let lexicon = Lexicon(words: ["straße", "laterne"], vocabulary: vocabulary)
        for word in ["straße", "laterne", "mängelmelder"] {
            #expect(Array(word.utf8).withUnsafeBufferPointer(lexicon.mayKnow))
        }
        let unknown = (0..<1_000).map { Self.word($0, salt: 3) }
        #expect(unknown.filter { Array($0.utf8).withUnsafeBufferPointer(lexicon.mayKnow) }.count < 50)
    }
}
