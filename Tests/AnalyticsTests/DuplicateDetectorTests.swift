import Testing

@testable import Analytics

/// Tests that ``DuplicateDetector``'s near-duplicate groups are the connected components of the
/// pairs whose Jaccard similarity reaches the threshold, found by comparing every pair: MinHash
/// only chooses which pairs are compared, never what the groups are.
struct DuplicateDetectorTests {
    /// Families of texts of 8–14 words, each member its family's words with up to two of them
    /// replaced (Jaccard 0.6 and more with those words, less between some members), every
    /// tenth family of 60 members (a campaign), a text of a few words after each family, and
    /// now and then an exact copy.
    static func corpus(seed: UInt64) -> (texts: [String], sets: [[String]]) {
        // A generator with a fixed algorithm, so every run tests the same corpora.
        var numbers = SplitMix64(seed: seed)
        let words = (0..<600).map { "wort\($0)" }
        var texts: [String] = []
        var sets: [[String]] = []
        func add(_ set: [String]) {
            sets.append(set)
            texts.append(set.joined(separator: " ") + " \(texts.count)")
        }
        for family in 0..<30 {
            let base = (0..<(8 + numbers.index(below: 7))).map { _ in words[numbers.index(below: words.count)] }
            let members = family % 10 == 0 ? 60 : 1 + numbers.index(below: 6)
            for _ in 0..<members {
                var set = base
                for _ in 0..<numbers.index(below: 3) {
                    set[numbers.index(below: set.count)] = words[numbers.index(below: words.count)]
                }
                add(set)
            }
            add((0..<(1 + numbers.index(below: 5))).map { _ in words[numbers.index(below: words.count)] })
            if numbers.index(below: 4) == 0 {
                sets.append(sets[sets.count - 2])
                texts.append(texts[texts.count - 2])
            }
        }
        return (texts, sets)
    }

    /// The groups by comparing every pair of originals with enough terms.
    static func bruteForce(texts: [String], sets: [TermSet]) -> [Int?] {
        var parent = Array(texts.indices)
        func root(_ index: Int) -> Int { parent[index] == index ? index : root(parent[index]) }
        let firstOfText = Dictionary(texts.indices.map { (texts[$0], $0) }, uniquingKeysWith: min)
        let originals = texts.indices.filter { firstOfText[texts[$0]] == $0 && sets[$0].count >= DuplicateDetector.minimumTerms }
        for (position, a) in originals.enumerated() {
            for b in originals[(position + 1)...] where DuplicateDetector.jaccard(sets[a], sets[b]) >= DuplicateDetector.threshold
            {
                let (rootA, rootB) = (root(a), root(b))
                if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
            }
        }
        for index in texts.indices where firstOfText[texts[index]] != index {
            parent[index] = root(firstOfText[texts[index]] ?? index)
        }
        var originalsPerRoot: [Int: Int] = [:]
        for index in texts.indices where firstOfText[texts[index]] == index { originalsPerRoot[root(index), default: 0] += 1 }
        return texts.indices.map { originalsPerRoot[root($0), default: 0] >= 2 ? root($0) : nil }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func groupsAreTheComponentsOfEveryPair(seed: UInt64) {
        let (texts, words) = Self.corpus(seed: seed)
        let (vocabulary, bags) = TermVocabulary.bags(words.map { TextTerms(words: $0) })
        let sets = bags.map { TermSet($0.terms) }
        let expected = Self.bruteForce(texts: texts, sets: sets)
        #expect(Set(expected.compactMap { $0 }).count >= 20)
        for threads in [1, 2] {
            let found = DuplicateDetector(seed: 7).detect(
                texts: texts, contentStems: sets, vocabulary: vocabulary, threads: threads)
            #expect(found.map(\.nearDuplicateGroup) == expected)
        }
    }
}
