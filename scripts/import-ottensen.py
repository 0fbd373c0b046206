#!/usr/bin/env python3
"""Writes corpora/ottensen/comments.jsonl from the CIMT "FreiRaum Ottensen" data.

Usage: scripts/import-ottensen.py NORMALIZED_JSONL OUTPUT
Keeps id, text, the gold labels mapped to the measure ids of corpora/ottensen/framework.yaml,
and the contribution URL (the attribution the CC BY 4.0 licence of the texts asks for).
Rows keep the input order; the output is byte-identical for the same input.
"""
import json
import sys

CATEGORY_TO_MEASURE = {
    "motorized transport": "verkehrsmittel.kfz",
    "non-motorized transport": "verkehrsmittel.nichtmotorisiert",
    "cycling": "verkehrsmittel.rad",
    "walking": "verkehrsmittel.fuss",
    "scooters": "verkehrsmittel.roller",
    "public transport (local)": "verkehrsmittel.oepnv",
    "public transport (long-distance)": "verkehrsmittel.fernverkehr",
    "commercial transport": "verkehrsmittel.wirtschaftsverkehr",
    "stationary traffic (parking)": "verkehrsaspekte.parken",
    "moving traffic": "verkehrsaspekte.fliessend",
    "inter- and multimodality": "verkehrsaspekte.multimodal",
    "new services": "verkehrsaspekte.neue-angebote",
}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, output = sys.argv[1], sys.argv[2]
    count = 0
    with open(source, encoding="utf-8") as handle, open(output, "w", encoding="utf-8", newline="\n") as out:
        for line in handle:
            row = json.loads(line)
            record = {
                "id": row["id"],
                "text": row["text"],
                "labels": [CATEGORY_TO_MEASURE[label] for label in row["labels"]],
                "url": row["url"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"{output}: {count} contributions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
