#!/usr/bin/env python3
"""Reference baselines for measure assignment, printed by `make eval` beside `resonanz eval`.

Usage: scripts/eval-baselines.py --framework FRAMEWORK.yaml --comments FILE [FILE ...] [--folds 5] [--seed 0]

Comments are read like Resonanz reads them (JSONL or CSV/TSV; `labels` a list or `;`-separated;
empty text skipped; an id repeated in the same file skipped, an id from an earlier file replaced
in place; an unknown goal counts as no goal). Only comments with a labels field/column are
evaluated; an empty list is gold "fits no measure". Candidates: a comment with a goal is compared
with that goal's measures only, without a goal with all measures.

(a) naive_tfidf_cosine (zero-shot): TfidfVectorizer(lowercase, sublinear_tf, default word
    tokens) fitted on all comments read plus the measure texts (title + description + keywords);
    predicts the candidate with the highest cosine (ties: framework order) if that cosine is > 0.
(b) logistic_regression_cv (supervised reference, sees the gold labels): KFold(folds, shuffle,
    random_state=seed). Inside each outer fold everything is fitted and chosen on the training part
    only: TfidfVectorizer(lowercase, sublinear_tf, ngram_range=(1, 2), min_df=2) and
    OneVsRestClassifier(LogisticRegression(lbfgs, max_iter=5000, C, class_weight)). The decision
    rule is: predict every candidate measure with probability >= t, highest first (ties: framework
    order); none reaching t predicts nothing. C in {1, 10, 100}, class_weight in {None, 'balanced'}
    and the single global threshold t in {0.10, 0.15, ..., 0.50} are chosen jointly by an inner
    KFold(3, shuffle, random_state=seed) on the training part: for each (C, class_weight) every
    training comment gets probabilities from the inner model that did not see it (vectorizer refit
    on each inner training part), each t turns them into predictions, and the combination with the
    highest macro F1 (below) over the training part wins (ties: first in the order C ascending,
    then None before 'balanced', then t ascending). The winner is refit on the whole training part
    and predicts the held-out fold, so each comment is predicted by the model of the fold that did
    not see it. A measure with fewer than 2 positive (or no negative) training comments in a
    (inner or outer) split is never predicted in that split. The choices per fold are in `chosen`.
    BLAS is limited to one thread (results do not depend on it; oversubscribed threads were ~50x
    slower).

Metrics mirror Sources/Analytics/Evaluation/AssignmentEvaluation.swift: top-1 accuracy over
comments with non-empty gold; micro P/R/F1 over (comment, measure) pairs; macro F1 = mean
per-measure F1 over measures with gold or predictions; abstention rate = comments predicting
nothing / labelled comments; no-measure precision/recall of "predicts nothing" for gold-empty
comments. JSON on stdout; deterministic for a given seed.
"""
import argparse
import csv
import io
import json
import sys
import warnings

import numpy as np
import yaml
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from threadpoolctl import threadpool_limits

C_GRID = (1.0, 10.0, 100.0)
CLASS_WEIGHT_GRID = (None, "balanced")
THRESHOLD_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
INNER_FOLDS = 3
MAX_TEXT_LENGTH = 20_000  # Resonanz's default --max-text-length

FIELD_NAMES = {
    "id": ["id", "comment_id", "kommentar_id"],
    "text": ["text", "comment", "kommentar", "beitrag", "body", "inhalt"],
    "goal": ["goal", "ziel"],
    "labels": ["labels"],
}


# ---------------------------------------------------------------- input

def load_framework(path):
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    measures = []  # (measure id, goal id, text)
    for goal in data.get("goals") or []:
        for measure in goal.get("measures") or []:
            parts = [measure.get("title") or "", measure.get("description") or ""]
            parts += [str(k) for k in (measure.get("keywords") or [])]
            measures.append((str(measure["id"]), str(goal["id"]), " ".join(p.strip() for p in parts if p)))
    return str(data.get("id", "")), measures


def fnv1a_hex64(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def split_labels(cell):
    return [part.strip() for part in cell.split(";") if part.strip()]


def mapping(names):
    lowered = [n.lower() for n in names]
    found = {}
    for field, candidates in FIELD_NAMES.items():
        for candidate in candidates:
            if candidate in lowered:
                found[field] = names[lowered.index(candidate)]
                break
    return found


def scalar(value):
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read_jsonl(path):
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(obj, dict):
                continue
            keys = mapping(sorted(obj))
            labels = None
            if "labels" in keys:
                raw = obj[keys["labels"]]
                if isinstance(raw, list):
                    labels = [s for s in (scalar(v) for v in raw) if s is not None]
                elif isinstance(raw, str):
                    labels = split_labels(raw)
                else:
                    labels = []
            text = obj.get(keys["text"]) if "text" in keys else None
            yield (scalar(obj.get(keys.get("id"))) if "id" in keys else None,
                   text if isinstance(text, str) else None,
                   scalar(obj.get(keys.get("goal"))) if "goal" in keys else None,
                   labels)


def read_csv(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if path.lower().endswith((".tsv", ".tab")):
        delimiter = "\t"
    else:
        counts, quoted = {",": 0, ";": 0, "\t": 0}, False
        for ch in text:
            if ch == '"':
                quoted = not quoted
            if not quoted and ch in "\r\n":
                break
            if not quoted and ch in counts:
                counts[ch] += 1
        delimiter = max([",", ";", "\t"], key=lambda d: (counts[d], d == ","))
        if counts[delimiter] == 0:
            delimiter = "\x1f"
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(rows, [])]
    keys = mapping(header)
    index = {field: header.index(name) for field, name in keys.items()}

    def cell(row, field):
        i = index.get(field)
        return row[i] if i is not None and i < len(row) else ("" if i is not None else None)

    for row in rows:
        if not row:
            continue
        labels = split_labels(cell(row, "labels")) if "labels" in index else None
        yield cell(row, "id"), cell(row, "text") or "", cell(row, "goal"), labels


def read_comments(paths, goal_ids):
    """Returns [{id, text, goal, labels or None}] after Resonanz's acceptance rules."""
    comments, first_use = [], {}
    for path in paths:
        lower = path.lower()
        reader = read_jsonl if lower.endswith((".jsonl", ".ndjson")) else read_csv
        if not lower.endswith((".jsonl", ".ndjson", ".csv", ".tsv", ".tab")):
            sys.exit(f"{path}: unsupported format (use .jsonl, .ndjson, .csv or .tsv)")
        repeats = {}
        for raw_id, raw_text, raw_goal, labels in reader(path):
            if raw_text is None:
                continue
            text = raw_text.strip()
            if not text or "\x00" in text or len(text) > MAX_TEXT_LENGTH:
                continue
            given = (raw_id or "").strip() or None
            if given is not None:
                if len(given) > 256 or (given in first_use and first_use[given][0] == path):
                    continue
                cid = given
            else:
                base = "h" + fnv1a_hex64(text)
                repeats[base] = repeats.get(base, 0) + 1
                cid = base if repeats[base] == 1 else f"{base}-{repeats[base]}"
            goal = (raw_goal or "").strip()
            comment = {"id": cid, "text": text, "goal": goal if goal in goal_ids else None, "labels": labels}
            if cid in first_use:
                slot = first_use[cid][1]
                comments[slot] = comment
                first_use[cid] = (path, slot)
            else:
                first_use[cid] = (path, len(comments))
                comments.append(comment)
    return comments


# ---------------------------------------------------------------- metrics

def evaluate(gold, predicted, measure_ids):
    """AssignmentEvaluation.swift, line for line."""
    scores = {m: {"gold": 0, "predicted": 0, "correct": 0} for m in measure_ids}
    blank = lambda: {"gold": 0, "predicted": 0, "correct": 0}
    top1 = labelled = abstained = abstained_and_empty = gold_empty = 0
    for gold_labels, predicted_labels in zip(gold, predicted):
        gold_set = set(gold_labels)
        if not predicted_labels:
            abstained += 1
        if not gold_set:
            gold_empty += 1
            if not predicted_labels:
                abstained_and_empty += 1
        else:
            labelled += 1
            if predicted_labels and predicted_labels[0] in gold_set:
                top1 += 1
        for label in gold_set:
            scores.setdefault(label, blank())["gold"] += 1
        for label in set(predicted_labels):
            score = scores.setdefault(label, blank())
            score["predicted"] += 1
            if label in gold_set:
                score["correct"] += 1
    order = list(measure_ids) + sorted(k for k in scores if k not in set(measure_ids))
    rows = []
    for m in order:
        s = scores[m]
        p = s["correct"] / s["predicted"] if s["predicted"] else 0.0
        r = s["correct"] / s["gold"] if s["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r > 0 else 0.0
        rows.append({"measure": m, **s, "precision": p, "recall": r, "f1": f})
    correct = sum(r["correct"] for r in rows)
    predicted_total = sum(r["predicted"] for r in rows)
    gold_total = sum(r["gold"] for r in rows)
    micro_p = correct / predicted_total if predicted_total else 0.0
    micro_r = correct / gold_total if gold_total else 0.0
    active = [r for r in rows if r["gold"] > 0 or r["predicted"] > 0]
    return {
        "comments": len(gold),
        "comments_with_labels": labelled,
        "top1_accuracy": top1 / labelled if labelled else 0.0,
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "micro_f1": 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r > 0 else 0.0,
        "macro_f1": sum(r["f1"] for r in active) / len(active) if active else 0.0,
        "abstention_rate": abstained / len(gold) if gold else 0.0,
        "no_measure_precision": abstained_and_empty / abstained if abstained else 0.0,
        "no_measure_recall": abstained_and_empty / gold_empty if gold_empty else 0.0,
        "per_measure": rows,
    }


def rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


# ---------------------------------------------------------------- baselines

def candidate_mask(goals, measures):
    """Boolean [comments x measures]: the comment's goal's measures, or all without a goal."""
    goal_of = np.array([g for _, g, _ in measures])
    return np.array([np.ones(len(measures), bool) if g is None else goal_of == g for g in goals])


def naive_tfidf(all_texts, eval_texts, eval_goals, measures):
    vectorizer = TfidfVectorizer(lowercase=True, sublinear_tf=True)
    vectorizer.fit(list(all_texts) + [t for _, _, t in measures])
    cosine = (vectorizer.transform(eval_texts) @ vectorizer.transform([t for _, _, t in measures]).T).toarray()
    cosine[~candidate_mask(eval_goals, measures)] = -1.0
    predictions = []
    for row in cosine:
        best = int(np.argmax(row))  # first maximum = framework order on ties
        predictions.append([measures[best][0]] if row[best] > 0 else [])
    return predictions


def vectorize(train_texts, test_texts):
    vectorizer = TfidfVectorizer(lowercase=True, sublinear_tf=True, ngram_range=(1, 2), min_df=2)
    return vectorizer.fit_transform(train_texts), vectorizer.transform(test_texts)


def lr_probabilities(X_train, Y_train, X_test, C, class_weight):
    """Probabilities [test x measures]; -1 for measures that cannot be trained in this split."""
    positives = Y_train.sum(axis=0)
    trainable = np.flatnonzero((positives >= 2) & (positives < Y_train.shape[0]))
    probabilities = np.full((X_test.shape[0], Y_train.shape[1]), -1.0)
    if len(trainable) == 0:
        return probabilities
    model = OneVsRestClassifier(LogisticRegression(C=C, class_weight=class_weight, solver="lbfgs", max_iter=5000))
    model.fit(X_train, Y_train[:, trainable])
    proba = model.predict_proba(X_test)
    if proba.shape[1] != len(trainable):  # a single trainable measure: OvR returns [1-p, p]
        proba = proba[:, -1:]
    probabilities[:, trainable] = proba
    return probabilities


def decide(probabilities, mask, measure_ids, threshold):
    predictions = []
    for row, allowed in zip(probabilities, mask):
        chosen = [j for j in np.flatnonzero(allowed & (row >= threshold))]
        chosen.sort(key=lambda j: (-row[j], j))
        predictions.append([measure_ids[j] for j in chosen])
    return predictions


def logistic_regression_cv(texts, goals, gold, measures, folds, seed):
    measure_ids = [m for m, _, _ in measures]
    position = {m: j for j, m in enumerate(measure_ids)}
    texts = np.array(texts, dtype=object)
    Y = np.zeros((len(texts), len(measures)), dtype=int)
    for i, labels in enumerate(gold):
        for label in labels:
            if label in position:
                Y[i, position[label]] = 1
    mask = candidate_mask(goals, measures)
    predictions = [None] * len(texts)
    chosen = []
    outer = KFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in outer.split(texts):
        inner = KFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed)
        inner_splits = [(fit, held, *vectorize(texts[train[fit]], texts[train[held]]))
                        for fit, held in inner.split(train)]
        train_gold = [gold[i] for i in train]
        best = None
        for C in C_GRID:
            for class_weight in CLASS_WEIGHT_GRID:
                proba = np.full((len(train), len(measures)), -1.0)
                for fit, held, X_fit, X_held in inner_splits:
                    proba[held] = lr_probabilities(X_fit, Y[train[fit]], X_held, C, class_weight)
                for threshold in THRESHOLD_GRID:
                    inner_pred = decide(proba, mask[train], measure_ids, threshold)
                    score = evaluate(train_gold, inner_pred, measure_ids)["macro_f1"]
                    if best is None or score > best[0]:
                        best = (score, C, class_weight, threshold)
        score, C, class_weight, threshold = best
        chosen.append({"C": C, "class_weight": class_weight, "threshold": threshold, "inner_macro_f1": score})
        X_train, X_test = vectorize(texts[train], texts[test])
        proba = lr_probabilities(X_train, Y[train], X_test, C, class_weight)
        for i, p in zip(test, decide(proba, mask[test], measure_ids, threshold)):
            predictions[i] = p
    return predictions, chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--framework", required=True)
    parser.add_argument("--comments", nargs="+", required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    framework_id, measures = load_framework(args.framework)
    measure_ids = [m for m, _, _ in measures]
    comments = read_comments(args.comments, {g for _, g, _ in measures})
    labelled = [c for c in comments if c["labels"] is not None]
    if not labelled:
        sys.exit(f"{', '.join(args.comments)}: no gold labels; the baselines need a `labels` column or key")
    if len(labelled) < args.folds:
        sys.exit(f"{len(labelled)} labelled comments are fewer than --folds {args.folds}")
    texts = [c["text"] for c in labelled]
    goals = [c["goal"] for c in labelled]
    gold = [c["labels"] for c in labelled]

    naive = evaluate(gold, naive_tfidf([c["text"] for c in comments], texts, goals, measures), measure_ids)
    with threadpool_limits(limits=1):
        lr_pred, chosen = logistic_regression_cv(texts, goals, gold, measures, args.folds, args.seed)
    supervised = evaluate(gold, lr_pred, measure_ids)
    for result in (naive, supervised):
        del result["comments"], result["comments_with_labels"]
    supervised["folds"] = args.folds
    supervised["settings"] = (
        f"TF-IDF 1-2-grams min_df=2 sublinear_tf; one-vs-rest LogisticRegression(lbfgs); "
        f"C in {{1, 10, 100}} x class_weight in {{None, balanced}} x threshold t in "
        f"{{{', '.join(f'{t:g}' for t in THRESHOLD_GRID)}}} chosen jointly per outer fold by inner "
        f"{INNER_FOLDS}-fold CV on the training part maximising macro F1; predicts every candidate with "
        f"probability >= t; KFold shuffle seed {args.seed}")
    supervised["chosen"] = chosen
    output = {
        "corpus": framework_id,
        "comments": len(labelled),
        "comments_with_labels": sum(1 for g in gold if g),
        "naive_tfidf_cosine": naive,
        "logistic_regression_cv": supervised,
    }
    json.dump(rounded(output), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
