import Foundation
import Testing
import TextAnalysis
import _TestSupport

/// Tests that ``CompoundSplitter`` gives what its first version, which looked every stretch up
/// anew, gave: on lexicon words and on joins of two and three of them.
struct CompoundSplitterEquivalenceTests {
    @Test func searchMatchesFirstVersion() {
        let words = Fixtures.resources.lexiconWords.sorted()
        var vocabulary = CorpusVocabulary()
        // Some corpus evidence, so that corpus-only words and counts take part.
        var tokens: [Token] = []
        for (index, word) in words.enumerated() where index % 5 == 0 {
            for _ in 0..<(index % 4) { tokens.append(Token(surface: word, start: 0, end: 0, kind: .word)) }
        }
        for (index, word) in words.enumerated() where index % 11 == 0 && word.count > 4 {
            let fragment = String(word.dropLast(2))
            tokens += Array(repeating: Token(surface: fragment, start: 0, end: 0, kind: .word), count: 3)
        }
        vocabulary.add(tokens)
        let lexicon = Lexicon(words: Set(words), vocabulary: vocabulary)
        let splitter = CompoundSplitter(
            lexicon: lexicon, stopwords: Fixtures.resources.stopwords, exceptions: Fixtures.resources.compoundExceptions,
            blockedHeads: Fixtures.resources.blockedHeads)
        let reference = FirstCompoundSplitter(
            lexicon: lexicon, stopwords: Fixtures.resources.stopwords, exceptions: Fixtures.resources.compoundExceptions,
            blockedHeads: Fixtures.resources.blockedHeads, minimumWordLength: 8, minimumPartLength: 3)
        var inputs = words.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let count = words.count
        for index in 0..<6_000 {
            let first = words[(index * 7_919) % count]
            let second = words[(index * 104_729 + 17) % count]
            inputs.append(first + second)
            inputs.append(first + "s" + second)
            if index % 4 == 0 { inputs.append(first + second + words[(index * 31 + 5) % count]) }
        }
        inputs += ["fachkräftesicherungsplan", "straßenbahnhaltestelle", "radwegbeleuchtung", "schulweg"]
        let results = inputs.map { (word: $0, split: splitter.split($0), reference: reference.split($0)) }
        let mismatches = results.filter { $0.split != $0.reference }.map(\.word)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        // The inputs must exercise the search: many of them split, some into three parts.
        #expect(results.filter { $0.reference != nil }.count > 2_000)
        #expect(results.contains { ($0.reference?.count ?? 0) >= 3 })
    }
}

/// The splitter's search as first written.
private struct FirstCompoundSplitter {
    let lexicon: Lexicon
    let stopwords: Set<String>
    let exceptions: Set<String>
    let blockedHeads: Set<String>
    let minimumWordLength: Int
    let minimumPartLength: Int

    func split(_ word: String) -> [Range<Int>]? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minimumWordLength, scalars.count <= CompoundSplitter.maximumWordLength,
            scalars.allSatisfy({ $0.properties.isAlphabetic }),
            !exceptions.contains(word)
        else { return nil }
        guard let best = bestSplit(scalars, 0..<scalars.count, depth: 0) else { return nil }
        let wholeCount = lexicon.count(word)
        guard wholeCount == 0 || best.meanLog > log(Double(wholeCount)) else { return nil }
        return best.parts
    }

    private struct Candidate {
        var logSum: Double
        var parts: [Range<Int>]
        var meanLog: Double { logSum / Double(parts.count) }

        func isBetter(than other: Candidate) -> Bool {
            if abs(meanLog - other.meanLog) > 1e-12 { return meanLog > other.meanLog }
            if parts.count != other.parts.count { return parts.count < other.parts.count }
            return parts.last!.lowerBound < other.parts.last!.lowerBound
        }
    }

    private func bestSplit(
        _ scalars: [Unicode.Scalar], _ range: Range<Int>, depth: Int
    )
        -> Candidate?
    {
        var best: Candidate? = nil
        let lower = range.lowerBound
        let upper = range.upperBound
        guard upper - lower >= 2 * minimumPartLength else { return nil }
        for headStart in (lower + minimumPartLength)...(upper - minimumPartLength) {
            let head = string(scalars[headStart..<upper])
            guard lexicon.isKnown(head), !stopwords.contains(head), !blockedHeads.contains(head)
            else { continue }
            let headLog = log(Double(max(lexicon.count(head), 1)))
            for linking in CompoundSplitter.linkingElements {
                let linkLength = linking.unicodeScalars.count
                let modifierEnd = headStart - linkLength
                guard modifierEnd - lower >= minimumPartLength else { continue }
                if linkLength > 0 && string(scalars[modifierEnd..<headStart]) != linking {
                    continue
                }
                let modifier = string(scalars[lower..<modifierEnd])
                var forms = [modifier]
                if linking.isEmpty { forms.append(modifier + "e") }
                var found: Candidate? = nil
                for form in forms where lexicon.isKnown(form) && !stopwords.contains(form) {
                    let candidate = Candidate(
                        logSum: log(Double(max(lexicon.count(form), 1))) + headLog,
                        parts: [lower..<modifierEnd, headStart..<upper])
                    if found.map({ candidate.isBetter(than: $0) }) ?? true { found = candidate }
                }
                if found == nil, depth < 2,
                    let inner = bestSplit(scalars, lower..<modifierEnd, depth: depth + 1)
                {
                    found = Candidate(logSum: inner.logSum + headLog, parts: inner.parts + [headStart..<upper])
                }
                if let found, best.map({ found.isBetter(than: $0) }) ?? true { best = found }
            }
        }
        return best
    }

    private func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
