#!/usr/bin/env python3
"""Prints the assignment tables of `make eval-assignment` from the JSON files in a folder.

Per corpus: the naive zero-shot reference, Resonanz zero-shot (confidence model fitted without
the corpus, and the shipped one), Resonanz after k reviewed comments (learning curve, gold labels
as the reviewer, scored on the comments not reviewed), and the supervised reference; then the
calibration of the listed assignments and the agreement with the gold labels.
"""
import json
import os
import sys

folder = sys.argv[1]
corpora = [("ottensen", "Ottensen (real consultation)"), ("jena-hf4", "Jena HF4 (illustrative)"),
           ("germeval2017", "GermEval 2017 (not tuned on)")]


def load(name):
    path = os.path.join(folder, name)
    return json.load(open(path)) if os.path.exists(path) else None


def row(label, metrics, note=""):
    print(f"| {label} | {metrics['macro_f1']:.3f} | {metrics['micro_f1']:.3f} | {metrics['top1_accuracy']:.3f} "
          f"| {metrics['abstention_rate']:.3f} | {note} |")


for name, title in corpora:
    baselines, shipped, heldout = (load(f"{name}-{kind}.json") for kind in ("baselines", "shipped", "heldout"))
    if not (baselines and shipped and heldout):
        continue
    print(f"\n### {title}: {shipped['comments']} comments, {shipped['comments_with_labels']} with gold measures\n")
    print("| method | macro-F1 | micro-F1 | top-1 | abstention | note |")
    print("|---|---:|---:|---:|---:|---|")
    naive = baselines["naive_tfidf_cosine"]
    row("naive zero-shot: TF-IDF cosine", naive, "reference")
    fitted_without = "shipped model" if heldout["confidence_fitted_on"] == shipped["confidence_fitted_on"] else \
        "fitted on " + ", ".join(heldout["confidence_fitted_on"])
    row("Resonanz zero-shot, confidence model without this corpus", heldout,
        f"{heldout['macro_f1'] / naive['macro_f1']:.2f}× naive; {fitted_without}")
    row("Resonanz zero-shot, shipped confidence model", shipped, "fitted on " + ", ".join(shipped["confidence_fitted_on"]))
    for point in heldout.get("learning_curve", []):
        if point["reviewed"] > 0:
            row(f"Resonanz after {point['reviewed']} reviewed comments", point,
                f"scored on the {point['evaluated_on']} not reviewed")
    supervised = baselines["logistic_regression_cv"]
    row("logistic regression on all gold labels, 5-fold CV", supervised, "supervised reference")
    print()
    for label, report in (("model without this corpus", heldout), ("shipped model", shipped)):
        table = report["reliability_listed"]
        bins = ", ".join(f"{b['from']:.1f}–{b['to']:.1f}: {b['accuracy']:.2f} of {b['count']}"
                         for b in table["bins"])
        print(f"- Listed assignments, {label}: ECE {table['expected_calibration_error']:.3f}; right per confidence bin: {bins}")
    routing = shipped["routing"]
    if routing["gold_outside_posted_goal"]:
        print(f"- Routing (shipped model): {routing['gold_outside_posted_goal']} comments have a gold measure outside the goal "
              f"they were posted under; {routing['routed']} were assigned outside it, {routing['routed_right']} of them rightly")
    print(f"- Agreement with the gold labels (shipped model): Cohen's κ {shipped['kappa_pairs']:.3f} over "
          f"(comment, measure) pairs, {shipped['kappa_first_measure']:.3f} on the first measure")
