#!/usr/bin/env python3
"""scikit-learn reference for `make bench`: TfidfVectorizer + KMeans(k=20) on a JSONL file.

Usage: bench-sklearn.py FILE SEED LABELS_OUT
Times what a researcher would otherwise run, end to end: read the file, TF-IDF (scikit-learn's
defaults), KMeans with 20 clusters (k-means++, n_init="auto", all cores through OpenMP), write one
cluster label per line. Prints one JSON object: seconds, comments, UTF-8 bytes of the texts, MB/s
and the peak resident memory of this process.
"""
import json
import resource
import sys
import time


def main():
    path, seed, labels_out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    start = time.perf_counter()
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    texts.append(text)
    matrix = TfidfVectorizer().fit_transform(texts)
    labels = KMeans(n_clusters=20, n_init="auto", random_state=seed).fit_predict(matrix)
    with open(labels_out, "w", encoding="utf-8") as output:
        output.writelines(f"{label}\n" for label in labels)
    seconds = time.perf_counter() - start
    size = sum(len(text.encode("utf-8")) for text in texts)
    print(json.dumps({
        "seconds": round(seconds, 3), "comments": len(texts), "bytes": size,
        "mb_per_s": round(size / 1e6 / seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
    }))


if __name__ == "__main__":
    main()
