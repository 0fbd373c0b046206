import Analytics
import Corpus
import Foundation
import Reports
import TextAnalysis
import Workflows

/// `resonanz eval topics`: clustering quality against gold classes.
public enum TopicEval {
    /// How documents become terms.
    public enum Tokens: String, Sendable, CaseIterable {
        /// Split at white space: for benchmark files that come preprocessed (lower case,
        /// lemmatised), like the GSDMM paper's.
        case whitespace
        /// The German analyzer: stems of content words and their compound parts (``TermBag``).
        case german
    }

    /// The clustering to score.
    public enum Method: Sendable {
        case gsdmm(GSDMM)
        /// Spherical k-means with this many clusters; nil: as many as the file has gold classes.
        case kmeans(clusters: Int?, restarts: Int)
    }

    /// GSDMM's defaults, for the command's options.
    public static let gsdmmDefaults = GSDMM()

    /// GSDMM with these parameters.
    public static func gsdmm(maximumClusters: Int, alpha: Double, beta: Double, iterations: Int, restarts: Int) -> Method {
        .gsdmm(GSDMM(maximumClusters: maximumClusters, alpha: alpha, beta: beta, iterations: iterations, restarts: restarts))
    }

    /// Which label counts when a line has a list of them.
    public enum LabelChoice: String, Sendable, CaseIterable {
        /// The first of the list.
        case first
        /// The one fewest lines carry (ties by name): the most specific, in a hierarchy of
        /// categories where parents are listed beside their children.
        case rarest
    }

    /// What else to measure beside agreement with the gold labels.
    public struct Extras: Sendable {
        /// Choose K with ``TopicCountSelection`` (GSDMM: its upper bound) instead of taking it
        /// from the options or the gold labels.
        public var chooseClusters: Bool
        /// Stability: mean ARI between the results of `stabilityRuns` other seeds and the
        /// result of the given seed, and mean ARI between the result on all documents and on
        /// `stabilityRuns` random 90 % subsamples (on the documents they share).
        public var stabilityRuns: Int
        /// With `chooseClusters`: choose K on an evenly spaced sample of this many documents and
        /// extend the sample's best run to all (``TopicClustering/extend(_:sample:clusters:over:seed:)``),
        /// as reports do for large scopes; nil: choose on all and keep the best run.
        public var sampleLimit: Int?

        public init(chooseClusters: Bool = false, stabilityRuns: Int = 0, sampleLimit: Int? = nil) {
            self.chooseClusters = chooseClusters
            self.stabilityRuns = stabilityRuns
            self.sampleLimit = sampleLimit
        }
    }

    /// Clusters the documents of a JSONL file (one object a line with a text and a gold label:
    /// a string, a number, or a list of them of which `labelChoice` picks one; lines without one
    /// are skipped and counted) and returns NMI, ARI, NPMI, the number of clusters and, with
    /// `extras`, the chosen K and the stability as JSON.
    public static func evaluate(
        file: String, textKey: String, labelKey: String, labelChoice: LabelChoice = .first, tokens: Tokens, method: Method,
        extras: Extras = Extras(), seed: UInt64, threads: Int, resources: String?
    ) throws(ResonanzError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .badInput("\(file): cannot read: \(error.localizedDescription)")
        }
        var texts: [String] = []
        var labelLists: [[String]] = []
        var skipped = 0
        for (line, parsed) in JSONLines.objects(in: text) {
            guard let object = parsed else { throw .badInput("\(file):\(line): not a JSON object") }
            let labels = labelTexts(object[labelKey])
            guard let body = object[textKey] as? String, !labels.isEmpty else {
                skipped += 1
                continue
            }
            texts.append(body)
            labelLists.append(labels)
        }
        var frequency: [String: Int] = [:]
        for labels in labelLists { for label in Set(labels) { frequency[label, default: 0] += 1 } }
        let gold = labelLists.map { labels in
            switch labelChoice {
            case .first: return labels[0]
            case .rarest:
                return labels.min { lhs, rhs in
                    let (left, right) = (frequency[lhs] ?? 0, frequency[rhs] ?? 0)
                    return left != right ? left < right : lhs < rhs
                } ?? labels[0]
            }
        }
        guard !texts.isEmpty else { throw .badInput("\(file): no line has both '\(textKey)' and '\(labelKey)'") }
        let textTerms: [TextTerms]
        switch tokens {
        case .whitespace:
            textTerms = texts.map { TextTerms(words: $0.split(whereSeparator: \.isWhitespace).map(String.init)) }
        case .german:
            let loaded = try ResourceLocator.loadResources(explicit: resources)
            do {
                let analysis = try CorpusAnalyzer(resources: loaded, threads: threads).analyze(texts)
                textTerms = analysis.tokens.map { TextTerms(tokens: $0) }
            } catch {
                throw ResonanzError(error)
            }
        }
        let bags = TermVocabulary.bags(textTerms).bags
        let matrix = TermMatrix(bags: bags)
        let termSets = textTerms.map { StemSet($0.terms) }
        let clustering: TopicClustering
        var clusters: Int
        let runs: Int
        var settings: [(String, Double)]
        let name: String
        switch method {
        case .gsdmm(let sampler):
            name = "gsdmm"
            clustering = TopicClustering(method: .gsdmm, gsdmm: sampler)
            (clusters, runs) = (sampler.maximumClusters, sampler.restarts)
            settings = [("alpha", sampler.alpha), ("beta", sampler.beta), ("iterations", Double(sampler.iterations))]
        case .kmeans(let given, let restarts):
            name = "spherical-kmeans"
            clustering = TopicClustering(method: .kmeans)
            (clusters, runs) = (given ?? Set(gold).count, restarts)
            settings = []
        }
        let prepared = clustering.prepare(rows: matrix.rows, vocabularySize: matrix.vocabularySize)
        var extended: Clustering?
        if extras.chooseClusters {
            // Every candidate up to the number of gold classes and beyond, so the choice can miss both ways.
            let selection = TopicCountSelection(averageSize: 1, sampleLimit: extras.sampleLimit ?? Int.max)
            let sample = selection.sample(matrix.rows.count)
            let sampled = TermMatrix(bags: sample.map { bags[$0] })
            let scored = selection.score(
                clustering.prepare(rows: sampled.rows, vocabularySize: sampled.vocabularySize),
                keywordDocuments: sample.map { termSets[$0] }, reference: TopicCoherence(documents: termSets), floor: 3,
                clustering: clustering, seed: seed, threads: threads)
            clusters = selection.best(scored.scores)
            if sample.count < matrix.rows.count, let chosen = scored.scores.firstIndex(where: { $0.clusters == clusters }) {
                extended = clustering.extend(
                    TopicClustering.best(of: scored.runs[chosen]), sample: sample, clusters: clusters, over: prepared, seed: seed)
                settings.append(("sample_limit", Double(sample.count)))
            }
        }
        settings.insert((clustering.method == .gsdmm ? "maximum_clusters" : "clusters", Double(clusters)), at: 0)
        settings.append(("restarts", Double(runs)))
        let result = extended ?? clustering.best(prepared, clusters: clusters, seed: seed, runs: runs, threads: threads)
        var stability: (seeds: Double, subsamples: Double)?
        if extras.stabilityRuns > 0 {
            stability = measureStability(
                result, clustering: clustering, rows: matrix.rows, vocabularySize: matrix.vocabularySize, clusters: clusters,
                runs: runs, seed: seed,
                repetitions: extras.stabilityRuns, threads: threads)
        }
        let agreement = ClusterAgreement(gold: gold, found: result.assignments)
        // Coherence: mean NPMI of the top-10 c-TF-IDF terms of every cluster of 3 or more documents.
        var groups = [[Int]](repeating: [], count: result.clusterCount)
        for (document, cluster) in result.assignments.enumerated() { groups[cluster].append(document) }
        let large = groups.filter { $0.count >= 3 }
        let coherence = TopicCoherence(documents: termSets)
        let scores = ClassTFIDF.keywords(clusters: large, documents: termSets, limit: 10).map { coherence.npmi($0.map(\.term)) }
        let npmi = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
        return EvaluationRenderer.topics(
            EvaluationRenderer.TopicReport(
                file: file, documents: texts.count, skipped: skipped, goldClasses: Set(gold).count,
                clustersFound: result.clusterCount, nmi: agreement.nmi, ari: agreement.ari, npmi: npmi, clusterer: name,
                settings: settings, seed: seed, keptSeed: result.seed, chosenClusters: extras.chooseClusters ? clusters : nil,
                seedARI: stability?.seeds, subsampleARI: stability?.subsamples))
    }

    /// See ``Extras/stabilityRuns``. Other seeds are `seed + 1000·r`, clear of the restarts'
    /// `seed + i`; subsample r drops each document with probability 0.1 (``SplitMix64`` from `seed + r`).
    static func measureStability(
        _ result: Clustering, clustering: TopicClustering, rows: [[TermCount]], vocabularySize: Int,
        clusters: Int, runs: Int, seed: UInt64, repetitions: Int, threads: Int
    ) -> (seeds: Double, subsamples: Double) {
        let full = clustering.prepare(rows: rows, vocabularySize: vocabularySize)
        var seedAgreement = 0.0
        var subsampleAgreement = 0.0
        for repetition in 1...repetitions {
            let other = clustering.best(
                full, clusters: clusters, seed: seed &+ 1000 &* UInt64(repetition), runs: runs, threads: threads)
            seedAgreement += ClusterAgreement(gold: result.assignments, found: other.assignments).ari
            var random = SplitMix64(seed: seed &+ UInt64(repetition))
            let kept = rows.indices.filter { _ in random.unit() >= 0.1 }
            let subset = kept.map { rows[$0] }
            let prepared = clustering.prepare(rows: subset, vocabularySize: vocabularySize)
            let partial = clustering.best(prepared, clusters: clusters, seed: seed, runs: runs, threads: threads)
            let before: [Int] = kept.map { result.assignments[$0] }
            subsampleAgreement += ClusterAgreement(gold: before, found: partial.assignments).ari
        }
        return (seedAgreement / Double(repetitions), subsampleAgreement / Double(repetitions))
    }

    /// The labels of a line: a string, a number, or a list of them.
    static func labelTexts(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return [text]
        case let number as NSNumber: return [number.stringValue]
        case let list as [Any]: return list.flatMap { labelTexts($0) }
        default: return []
        }
    }
}
