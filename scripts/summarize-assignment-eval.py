#!/usr/bin/env python3
"""Prints the tables of `make eval-assignment` from the JSON files in a folder.

Every figure is of a corpus held out from fitting: its confidence model (and count interval) were
fitted on the other corpora. First one table over all corpora with the figures the assignment is
judged by, then per corpus the references, the learning curve and the calibration, then routing.
"""
import json
import os
import sys

folder = sys.argv[1]
TITLES = {
    "ottensen": "Ottensen", "jena-hf4": "Jena", "germeval2017": "GermEval 2017", "konstanz": "Konstanz",
    "gnad10k": "10kGNAD",
}


def load(name):
    path = os.path.join(folder, name)
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    return json.load(open(path))


names = [line.split()[0] for line in open(os.path.join(folder, "corpora.txt")) if line.strip()]
reports = {name: load(f"{name}.json") for name in names}
baselines = {name: load(f"{name}-baselines.json") for name in names}
names = [name for name in names if reports[name]]


def f3(value):
    return "–" if value is None else f"{value:.3f}"


def worst(item):
    if not item:
        return "–"
    stated = item.get("stated")
    return f"{item['measure'].split('.')[-1]} {stated:.0f} / {item['gold']}" if stated is not None else "–"


def curve(report, reviewed, key="macro_f1"):
    for point in report.get("learning_curve", []):
        if point["reviewed"] == reviewed:
            if key == "count_error":
                return point.get("counts", {}).get("median_counted_error")
            return point[key]
    return None


rows = [
    ("comments", lambda r, b: str(r["comments"])),
    ("best measure right (top-1)", lambda r, b: f3(r["top1_accuracy"])),
    ("macro-F1 of what is counted", lambda r, b: f3(r["macro_f1"])),
    ("ECE of the listed assignments", lambda r, b: f3(r["reliability_listed"]["expected_calibration_error"])),
    ("measures counted per comment / gold", lambda r, b: f"{r['counts']['counted_per_comment']:.2f} / {r['counts']['gold_per_comment']:.2f}"),
    ("precision of what is counted", lambda r, b: f3(r["micro_precision"])),
    ("recall: gold codes counted", lambda r, b: f3(r["micro_recall"])),
    ("median \\|counted − true\\| / true", lambda r, b: f3(r["counts"]["median_counted_error"])),
    ("worst measure: counted / true", lambda r, b: worst(r["counts"]["worst_counted"])),
    ("true count inside the stated 95 % interval", lambda r, b: f3(r["counts"]["coverage"])),
    ("after an audit of 100: median error of the estimate", lambda r, b: f3(r["audit"]["median_estimate_error"]) if r.get("audit") else "–"),
    ("after an audit of 100: inside the 95 % interval", lambda r, b: f3(r["audit"]["coverage"]) if r.get("audit") else "–"),
    ("macro-F1 after 25 / 50 / 100 / 200 reviews", lambda r, b: " / ".join(f"{curve(r, k):.3f}" if curve(r, k) is not None else "–" for k in (25, 50, 100, 200))),
    ("naive reference (TF-IDF cosine): top-1 / macro-F1", lambda r, b: f"{b['naive_tfidf_cosine']['top1_accuracy']:.3f} / {b['naive_tfidf_cosine']['macro_f1']:.3f}" if b else "–"),
    ("supervised reference (LR on all gold, 5-fold CV): top-1 / macro-F1", lambda r, b: f"{b['logistic_regression_cv']['top1_accuracy']:.3f} / {b['logistic_regression_cv']['macro_f1']:.3f}" if b else "–"),
    ("agreement of the two rankings", lambda r, b: f"{r.get('agreement_rate', 0):.2f}"),
]

print("\n### Held-out figures (each corpus scored with a model fitted on the others)\n")
print("| | " + " | ".join(TITLES.get(n, n) for n in names) + " |")
print("|---|" + "---:|" * len(names))
for label, cell in rows:
    values = []
    for name in names:
        try:
            values.append(cell(reports[name], baselines[name]))
        except (KeyError, TypeError):
            values.append("–")
    print(f"| {label} | " + " | ".join(values) + " |")

for name in names:
    report = reports[name]
    print(f"\n#### {TITLES.get(name, name)}: {report['comments']} comments, model fitted on "
          + ", ".join(report["confidence_fitted_on"]) + "\n")
    table = report["reliability_listed"]
    bins = ", ".join(f"{b['from']:.1f}–{b['to']:.1f}: {b['accuracy']:.2f} of {b['count']}" for b in table["bins"])
    print(f"- Listed assignments right per confidence bin: {bins}")
    points = report.get("learning_curve", [])
    if points:
        print("- Learning curve (reviews: macro-F1 on the comments not reviewed, median count error of the whole run): "
              + "; ".join(f"{p['reviewed']}: {p['macro_f1']:.3f}, {p.get('counts', {}).get('median_counted_error', 0):.3f}"
                          for p in points))
    audit = report.get("audit")
    if audit:
        runs = ", ".join(f"{run['median_estimate_error']:.3f}" for run in audit["runs"])
        print(f"- Audits of 100 (seeds 1–{audit['repeats']}): median error per run {runs}; coverage "
              f"{audit['coverage']:.3f}; median interval width / true {audit['median_interval_width']:.2f}")
    routing = report.get("routing", {})
    if routing.get("gold_outside_posted_goal"):
        print(f"- Posted under another goal than a gold measure's: {routing['gold_outside_posted_goal']}; the tool counts "
              "each comment under its posted goal")

routing_names = [line.split()[0] for line in open(os.path.join(folder, "routing.txt"))] if os.path.exists(
    os.path.join(folder, "routing.txt")) else []
for name in routing_names:
    report = load(f"{name}-routing.json")
    if not report:
        continue
    print(f"\n#### Routing: {TITLES.get(name, name)} without the goal it was posted under\n")
    print(f"- Every measure is a candidate: top-1 {report['top1_accuracy']:.3f}, macro-F1 {report['macro_f1']:.3f}; "
          f"the first counted measure lies in a gold goal for {report['routing']['goal_accuracy']:.3f} of the reports")
