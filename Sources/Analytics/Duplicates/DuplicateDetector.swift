import Corpus
import TextAnalysis

/// Finds exact duplicates and near-duplicates (campaign texts) among comments.
///
/// - **Exact**: two comments whose texts are equal after NFKC case folding and collapsing
///   whitespace are duplicates; the later one gets `duplicateOf` = the first.
/// - **Near**: a comment with at least ``minimumTerms`` distinct content stems is compared by the
///   Jaccard similarity of its stem set; pairs at or above ``threshold`` join one group (single
///   linkage, union-find). Candidates come from MinHash with locality-sensitive hashing
///   (``hashCount`` = ``bands`` × rows hash functions; two sets share a band with probability
///   1 − (1 − J^rows)^bands: 0.9998 at J = 0.5), and every candidate pair is checked with the
///   exact Jaccard value, so the threshold is exact and MinHash only saves comparisons. Exact
///   duplicates belong to their original's group. A group's id is its earliest comment.
/// Hash functions are seeded from `seed` with SplitMix64 over an FNV-1a hash of each stem, not
/// with Swift's per-process random `Hasher`, so groups are the same in every run.
public struct DuplicateDetector: Sendable {
    /// Distinct content stems a comment needs before it is compared (short texts share words by
    /// chance: "Mehr Radwege!" is not a campaign).
    public static let minimumTerms = 6
    /// Jaccard similarity at which two comments are near-duplicates. Measured with
    /// `make eval-duplicates`: at 0.55 both campaigns of the Jena corpus (9 and 8 copies, with
    /// greetings, typos, personal lines and, in one copy, a dropped sentence) group completely,
    /// and the 697 real Ottensen contributions give 8 pairs, 7 of them re-posts of one text and
    /// one a contribution that repeats a paragraph of another; at 0.5 three pairs of merely
    /// similar contributions join them, at 0.6 the copy without its middle sentence drops out.
    public static let threshold = 0.55
    public static let bands = 64
    public static let rows = 3
    public static var hashCount: Int { bands * rows }

    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The distinct stems of a text's content words: what near-duplicates are compared by.
    public static func contentStems(_ tokens: [Token]) -> StemSet {
        StemSet(tokens.lazy.filter(\.isContentWord).map(\.stem))
    }

    /// Duplicates among `texts`, whose ``contentStems(_:)`` are `contentStems` as ids of
    /// `vocabulary` (same order). Each id is hashed as its stem's FNV-1a, once per term of the
    /// vocabulary, so the groups are those the stems themselves give. The MinHash signatures are
    /// computed on `threads` threads; the result does not depend on it.
    public func detect(
        texts: [String], contentStems: [TermSet], vocabulary: TermVocabulary, threads: Int = 1
    ) -> [DuplicateInfo] {
        precondition(texts.count == contentStems.count, "one stem set per text")
        let hashes = ParallelMap.map(count: vocabulary.count, threads: threads) { range in
            range.map { FNV1a.hash64(vocabulary[TermID($0)]) }
        }
        var result = Array(repeating: DuplicateInfo(), count: texts.count)
        let keys = ParallelMap.map(count: texts.count, threads: threads) { range in range.map { Self.normalizedKey(texts[$0]) } }
        var firstWithKey: [String: Int] = [:]
        for index in texts.indices {
            let key = keys[index]
            if let first = firstWithKey[key] {
                result[index].duplicateOf = first
            } else {
                firstWithKey[key] = index
            }
        }

        // Near-duplicates among the originals.
        // Content stems of each original with enough of them; empty for the others.
        var sets = Array(repeating: TermSet(), count: texts.count)
        for index in texts.indices where result[index].duplicateOf == nil {
            if contentStems[index].count >= Self.minimumTerms { sets[index] = contentStems[index] }
        }
        var parent = Array(texts.indices)
        func root(_ index: Int) -> Int {
            var node = index
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        func union(_ a: Int, _ b: Int) {
            let (rootA, rootB) = (root(a), root(b))
            if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
        }
        let hashSeeds = (0..<Self.hashCount).map { Self.splitMix64(seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        // Per comment one 64-bit key per band (the band's `rows` MinHash values hashed
        // together), computed in parallel; then, band by band, comments are sorted by key and
        // each run of equal keys is a bucket of candidates.
        let compared = sets
        let bandKeys = ParallelMap.map(count: texts.count, threads: threads) { range in
            range.map { compared[$0].isEmpty ? [] : Self.bandKeys(Self.minHash(compared[$0], hashes: hashes, seeds: hashSeeds)) }
        }
        let candidates = texts.indices.filter { !sets[$0].isEmpty }
        var checked: Set<Pair> = []
        for band in 0..<Self.bands {
            let keyed = candidates.map { (key: bandKeys[$0][band], index: $0) }.sorted { ($0.key, $0.index) < ($1.key, $1.index) }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
                for a in start..<end {
                    // A pair already in one group needs no check: the union would change nothing.
                    // (A bucket of many copies of one campaign text would otherwise cost a
                    // Jaccard value per pair, in every band it shares.)
                    for b in (a + 1)..<end where root(keyed[a].index) != root(keyed[b].index) {
                        guard checked.insert(Pair(a: keyed[a].index, b: keyed[b].index)).inserted else { continue }
                        if Self.jaccard(sets[keyed[a].index], sets[keyed[b].index]) >= Self.threshold {
                            union(keyed[a].index, keyed[b].index)
                        }
                    }
                }
                start = end
            }
        }
        // Exact duplicates join their original's group.
        for index in texts.indices {
            if let original = result[index].duplicateOf { parent[index] = root(original) }
        }
        // A group of only exact copies is no campaign: it needs two different texts.
        var originalsPerRoot: [Int: Int] = [:]
        for index in texts.indices where result[index].duplicateOf == nil {
            originalsPerRoot[root(index), default: 0] += 1
        }
        for index in texts.indices where originalsPerRoot[root(index), default: 0] >= 2 {
            result[index].nearDuplicateGroup = root(index)
        }
        return result
    }

    /// NFKC case folding with whitespace runs collapsed to one space and trimmed.
    public static func normalizedKey(_ text: String) -> String {
        let folded = CaseFoldingFilter.fold(text)
        return collapsingASCIIWhitespace(folded) ?? folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` split at whitespace Characters and joined with one space, computed scalar by
    /// scalar without grapheme breaking; nil when that could differ from splitting at
    /// Characters: when the text holds a non-ASCII whitespace character (U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or when an ASCII space
    /// has a neighbour that might join it into one Character (a combining mark or joiner after
    /// it, a prepended mark before it). Neighbours known not to join are ASCII, U+0080–U+02FF
    /// (the Latin letters, umlauts and ß), and the punctuation and currency signs of
    /// U+2010–U+2027, U+2030–U+205E and U+20A0–U+20CF (dashes, German quotes, €).
    static func collapsingASCIIWhitespace(_ text: String) -> String? {
        func isPlainNeighbour(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF: true
            default: false
            }
        }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar = " "
        var pendingSpace = false
        var afterSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20:
                if !isPlainNeighbour(previous) { return nil }
                pendingSpace = !output.isEmpty
                afterSpace = true
            case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return nil
            default:
                if afterSpace && !isPlainNeighbour(scalar) { return nil }
                afterSpace = false
                if pendingSpace {
                    output.append(" ")
                    pendingSpace = false
                }
                output.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return output
    }

    static func jaccard(_ a: TermSet, _ b: TermSet) -> Double {
        let shared = a.intersectionCount(b)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Per seed, the smallest hash of the set's terms (`hashes` by term id) mixed with the seed.
    private static func minHash(_ stems: TermSet, hashes: [UInt64], seeds: [UInt64]) -> [UInt64] {
        let base = stems.map { hashes[Int($0)] }
        return seeds.map { seed in base.reduce(UInt64.max) { min($0, Self.splitMix64($1 ^ seed)) } }
    }

    /// One key per band: its `rows` values folded with SplitMix64. Two comments share a key when
    /// they share the band's values (or, with probability 2⁻⁶⁴, by chance: such a pair is only
    /// one more candidate, checked like the others).
    static func bandKeys(_ signature: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            signature[(band * rows)..<((band + 1) * rows)].reduce(UInt64(band)) { splitMix64($0 ^ $1) }
        }
    }

    static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private struct Pair: Hashable {
        var a: Int
        var b: Int
    }
}

/// Duplicate information for one comment, by index into the analysed comments.
public struct DuplicateInfo: Sendable, Equatable {
    /// The earlier comment with the same normalised text.
    public var duplicateOf: Int?
    /// The earliest comment of the near-duplicate group this comment belongs to (itself for the
    /// earliest), when it is in one.
    public var nearDuplicateGroup: Int?

    public init(duplicateOf: Int? = nil, nearDuplicateGroup: Int? = nil) {
        self.duplicateOf = duplicateOf
        self.nearDuplicateGroup = nearDuplicateGroup
    }
}
