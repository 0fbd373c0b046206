#!/usr/bin/env python3
"""Prints the headline figures of `resonanz eval` JSON (stdin) as a short table."""
import json
import sys

report = json.load(sys.stdin)
keys = ["top1_accuracy", "micro_precision", "micro_recall", "micro_f1", "macro_f1",
        "abstention_rate", "no_measure_precision", "no_measure_recall"]
print(f"comments {report['comments']}, with labels {report['comments_with_labels']}, threshold {report['threshold']}")
for key in keys:
    print(f"  {key:22} {report[key]:.3f}")
print("  per measure (gold / predicted / correct, F1):")
for row in report["per_measure"]:
    print(f"    {row['measure']:40} {row['gold']:4} {row['predicted']:4} {row['correct']:4}  {row['f1']:.3f}")
