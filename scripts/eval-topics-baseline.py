"""scikit-learn reference for `make eval-topics`: TfidfVectorizer + KMeans on the same JSONL file.

Usage: eval-topics-baseline.py FILE LABEL_KEY LABEL_CHOICE SEED
Prints one JSON object: documents, gold classes, NMI and ARI of KMeans with K = the gold classes.
Labels are chosen as `resonanz eval topics --label-choice` does: the first of a list, or the one
fewest lines carry (ties by name). Lines without text or label are skipped.
"""
import collections
import json
import sys

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def labels_of(value):
    if isinstance(value, list):
        return [str(item) for element in value for item in labels_of(element)]
    if value is None:
        return []
    return [str(value)]


def main():
    path, label_key, choice, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    texts, label_lists = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            labels = labels_of(row.get(label_key))
            if isinstance(row.get("text"), str) and labels:
                texts.append(row["text"])
                label_lists.append(labels)
    frequency = collections.Counter(label for labels in label_lists for label in set(labels))
    if choice == "rarest":
        gold = [min(labels, key=lambda label: (frequency[label], label)) for labels in label_lists]
    else:
        gold = [labels[0] for labels in label_lists]
    k = len(set(gold))
    # The usual scikit-learn text clustering recipe: sublinear TF-IDF (L2-normalised), KMeans.
    matrix = TfidfVectorizer(sublinear_tf=True, min_df=2).fit_transform(texts)
    found = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(matrix)
    print(json.dumps({
        "documents": len(texts), "gold_classes": k, "clusters_found": int(len(set(found))),
        "nmi": normalized_mutual_info_score(gold, found), "ari": adjusted_rand_score(gold, found),
    }))


if __name__ == "__main__":
    main()
