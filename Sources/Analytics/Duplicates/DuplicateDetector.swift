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

    /// Duplicates among `texts`, whose analysed tokens are `tokens` (same order).
    public func detect(texts: [String], tokens: [[Token]]) -> [DuplicateInfo] {
        precondition(texts.count == tokens.count, "one token list per text")
        return detect(texts: texts, contentStems: tokens.map(Self.contentStems))
    }

    /// The distinct stems of a text's content words: what near-duplicates are compared by.
    public static func contentStems(_ tokens: [Token]) -> Set<String> {
        Set(tokens.filter(\.isContentWord).map(\.stem))
    }

    /// Duplicates among `texts`, whose ``contentStems(_:)`` are `contentStems` (same order).
    public func detect(texts: [String], contentStems: [Set<String>]) -> [DuplicateInfo] {
        precondition(texts.count == contentStems.count, "one stem set per text")
        var result = Array(repeating: DuplicateInfo(), count: texts.count)
        var firstWithKey: [String: Int] = [:]
        for index in texts.indices {
            let key = Self.normalizedKey(texts[index])
            if let first = firstWithKey[key] {
                result[index].duplicateOf = first
            } else {
                firstWithKey[key] = index
            }
        }

        // Near-duplicates among the originals.
        // Content stems of each original with enough of them; empty for the others.
        var sets = Array(repeating: Set<String>(), count: texts.count)
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
        var buckets: [BandKey: [Int]] = [:]
        for index in texts.indices where !sets[index].isEmpty {
            let signature = minHash(sets[index], seeds: hashSeeds)
            for band in 0..<Self.bands {
                let slice = signature[(band * Self.rows)..<((band + 1) * Self.rows)]
                buckets[BandKey(band: band, values: Array(slice)), default: []].append(index)
            }
        }
        var checked: Set<Pair> = []
        for (_, members) in buckets.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            for (offset, a) in members.enumerated() {
                for b in members[(offset + 1)...] where checked.insert(Pair(a: a, b: b)).inserted {
                    if Self.jaccard(sets[a], sets[b]) >= Self.threshold { union(a, b) }
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
        CaseFoldingFilter.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }

    private func minHash(_ stems: Set<String>, seeds: [UInt64]) -> [UInt64] {
        let base = stems.map(FNV1a.hash64)
        return seeds.map { seed in base.reduce(UInt64.max) { min($0, Self.splitMix64($1 ^ seed)) } }
    }

    static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private struct BandKey: Hashable, Comparable {
        var band: Int
        var values: [UInt64]
        static func < (lhs: BandKey, rhs: BandKey) -> Bool {
            lhs.band != rhs.band ? lhs.band < rhs.band : lhs.values.lexicographicallyPrecedes(rhs.values)
        }
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
