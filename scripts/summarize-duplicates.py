#!/usr/bin/env python3
"""Prints the duplicate and campaign groups of a report.json, with the start of each text."""
import json
import sys
from collections import defaultdict

report = json.load(open(sys.argv[1], encoding="utf-8"))
run = report["run"]
print(f"analysed {run['comments_analysed']}, distinct {run['distinct_contributions']}, "
      f"exact duplicates {run['exact_duplicates']}, campaign comments {run['campaign_comments']} "
      f"in {run['campaign_groups']} groups")
groups = defaultdict(list)
texts = {}
for comment in report["comments"]:
    texts[comment["id"]] = comment["text"].replace("\n", " ")
    if comment["near_duplicate_group"]:
        groups[comment["near_duplicate_group"]].append(comment["id"])
for first, members in groups.items():
    print(f"  group {first} ({len(members)}): {' '.join(members)}")
    for member in members:
        print(f"    {member}: {texts[member][:90]}")
