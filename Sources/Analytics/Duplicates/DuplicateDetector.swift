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
        // Keys by their bytes: they are in NFKC (the case folding's output, with ASCII spaces
        // collapsed between characters that do not combine), so canonically equal keys are equal
        // byte for byte.
        var firstWithKey: [UTF8Key: Int] = [:]
        firstWithKey.reserveCapacity(texts.count)
        for index in texts.indices {
            let key = UTF8Key(keys[index])
            if let first = firstWithKey[key] {
                result[index].duplicateOf = first
            } else {
                firstWithKey[key] = index
            }
        }

        // Near-duplicates among the originals.
        // Content stems of each original with enough of them; empty for the others.
        let sets = texts.indices.map { index in
            result[index].duplicateOf == nil && contentStems[index].count >= Self.minimumTerms
                ? contentStems[index] : TermSet()
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
        // The near-copies among the members of one bucket joined. A pair already in one group
        // needs no check: the union would change nothing. (A bucket of many copies of one
        // campaign text would otherwise cost a Jaccard value per pair, in every band it shares.)
        // The members' roots are looked up once per bucket; two members with the same root stay
        // in one group, so only pairs whose remembered roots differ are looked at again.
        func joinNearCopies(_ members: [Int]) {
            var roots = members.map { root($0) }
            for a in members.indices {
                for b in (a + 1)..<members.count where roots[a] != roots[b] {
                    (roots[a], roots[b]) = (root(members[a]), root(members[b]))
                    guard roots[a] != roots[b], Self.jaccard(sets[members[a]], sets[members[b]]) >= Self.threshold
                    else { continue }
                    union(members[a], members[b])
                    (roots[a], roots[b]) = (min(roots[a], roots[b]), min(roots[a], roots[b]))
                }
            }
        }
        let hashSeeds = (0..<Self.hashCount).map { Self.splitMix64(seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        // ``bandsPerPass`` bands at a time: each comment's keys for those bands (each band's `rows`
        // MinHash values hashed together), computed in parallel from its terms' hashes, gathered
        // once per comment; then band by band the comments are sorted by key and each run of equal
        // keys is a bucket of candidates. Not every comment's whole signature at once.
        let candidates = texts.indices.filter { !sets[$0].isEmpty }
        for firstBand in stride(from: 0, to: Self.bands, by: Self.bandsPerPass) {
            let passBands = firstBand..<min(firstBand + Self.bandsPerPass, Self.bands)
            // Candidate i's key of band `passBands.lowerBound + b` at `i * passBands.count + b`.
            let bandKeys = ParallelMap.map(count: candidates.count, threads: threads) { range in
                var termHashes: [UInt64] = []
                var keys: [UInt64] = []
                keys.reserveCapacity(range.count * passBands.count)
                for position in range {
                    termHashes.removeAll(keepingCapacity: true)
                    for term in sets[candidates[position]] { termHashes.append(hashes[Int(term)]) }
                    for band in passBands { keys.append(Self.bandKey(band, termHashes: termHashes, seeds: hashSeeds)) }
                }
                return keys
            }
            for offset in 0..<passBands.count {
                let keyed = candidates.indices.map { (key: bandKeys[$0 * passBands.count + offset], index: candidates[$0]) }
                    .sorted { ($0.key, $0.index) < ($1.key, $1.index) }
                var start = 0
                while start < keyed.count {
                    var end = start + 1
                    while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
                    if end - start >= 2 { joinNearCopies(keyed[start..<end].map(\.index)) }
                    start = end
                }
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
        var output: [UInt8] = []
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
                    output.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                output.append(contentsOf: scalar.utf8)
            }
            previous = scalar
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func jaccard(_ a: TermSet, _ b: TermSet) -> Double {
        let shared = a.intersectionCount(b)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Bands computed in one pass over the comments (their keys are held for all comments at
    /// once, eight values a comment).
    static let bandsPerPass = 8

    /// The key of band `band` for a set whose terms hash to `termHashes` (FNV-1a of each stem, in
    /// any order): for each of the band's `rows` seeds (`seeds[band · rows ..< (band + 1) ·
    /// rows]`) the smallest of the term hashes mixed with the seed (`splitMix64(hash ^ seed)`),
    /// these values folded with SplitMix64 starting from the band's number. Two comments share a
    /// key when they share the band's values (or, with probability 2⁻⁶⁴, by chance: such a pair is
    /// only one more candidate, checked like the others).
    static func bandKey(_ band: Int, termHashes: [UInt64], seeds: [UInt64]) -> UInt64 {
        var key = UInt64(band)
        termHashes.withUnsafeBufferPointer { termHashes in
            for row in 0..<rows {
                let seed = seeds[band * rows + row]
                var smallest = UInt64.max
                for hash in termHashes { smallest = min(smallest, splitMix64(hash ^ seed)) }
                key = splitMix64(key ^ smallest)
            }
        }
        return key
    }

    static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
