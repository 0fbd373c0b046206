import Analytics
import Foundation
import Reports
import TextAnalysis

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

    /// Clusters the documents of a JSONL file (one object a line with a text and a gold label:
    /// a string, a number, or a list whose first element counts; lines without one are skipped
    /// and counted) and returns NMI, ARI and the number of clusters as JSON.
    public static func evaluate(
        file: String, textKey: String, labelKey: String, tokens: Tokens, method: Method, seed: UInt64, threads: Int,
        resources: String?
    ) throws(ResonanzError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .badInput("\(file): cannot read: \(error.localizedDescription)")
        }
        var texts: [String] = []
        var gold: [String] = []
        var skipped = 0
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw .badInput("\(file):\(offset + 1): not a JSON object")
            }
            guard let body = object[textKey] as? String, let label = labelText(object[labelKey]) else {
                skipped += 1
                continue
            }
            texts.append(body)
            gold.append(label)
        }
        guard !texts.isEmpty else { throw .badInput("\(file): no line has both '\(textKey)' and '\(labelKey)'") }
        let bags: [TermBag]
        switch tokens {
        case .whitespace:
            bags = texts.map { TermBag(words: $0.split(whereSeparator: \.isWhitespace).map(String.init)) }
        case .german:
            let loaded = try ResourceLocator.loadResources(explicit: resources)
            do {
                let analysis = try CorpusAnalyzer(resources: loaded, threads: threads).analyze(texts)
                bags = analysis.tokens.map { TermBag(tokens: $0) }
            } catch {
                throw ResonanzError(error)
            }
        }
        let matrix = TermMatrix(bags: bags)
        let result: Clustering
        let settings: [(String, Double)]
        let name: String
        switch method {
        case .gsdmm(let clusterer):
            name = "gsdmm"
            settings = [
                ("maximum_clusters", Double(clusterer.maximumClusters)), ("alpha", clusterer.alpha), ("beta", clusterer.beta),
                ("iterations", Double(clusterer.iterations)), ("restarts", Double(clusterer.restarts)),
            ]
            result = clusterer.cluster(documents: matrix.rows, vocabularySize: matrix.vocabularySize, seed: seed, threads: threads)
        case .kmeans(let clusters, let restarts):
            let clusterer = SphericalKMeans(clusters: clusters ?? Set(gold).count, restarts: restarts)
            name = "spherical-kmeans"
            settings = [("clusters", Double(clusterer.clusters)), ("restarts", Double(clusterer.restarts))]
            result = clusterer.cluster(documents: matrix.rows, vocabularySize: matrix.vocabularySize, seed: seed, threads: threads)
        }
        let agreement = ClusterAgreement(gold: gold, found: result.assignments)
        // Coherence: mean NPMI of the top-10 c-TF-IDF terms of every cluster of 3 or more documents.
        let termSets = bags.map { Set($0.counts.keys) }
        var clusters = [[Int]](repeating: [], count: result.clusterCount)
        for (document, cluster) in result.assignments.enumerated() { clusters[cluster].append(document) }
        let large = clusters.filter { $0.count >= 3 }
        let coherence = TopicCoherence(documents: termSets)
        let scores = ClassTFIDF.keywords(clusters: large, documents: termSets, limit: 10).map { coherence.npmi($0.map(\.term)) }
        let npmi = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
        return EvaluationRenderer.topics(
            EvaluationRenderer.TopicReport(
                file: file, documents: texts.count, skipped: skipped, goldClasses: Set(gold).count,
                clustersFound: result.clusterCount, nmi: agreement.nmi, ari: agreement.ari, npmi: npmi, clusterer: name,
                settings: settings, seed: seed, keptSeed: result.seed))
    }

    static func labelText(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        case let list as [Any]: return list.first.flatMap { labelText($0) }
        default: return nil
        }
    }
}
