#!/usr/bin/env python3
"""Maps the GermEval 2017 (Deutsche Bahn) data onto the measures of corpora/db-feedback/framework.yaml.

Usage: scripts/import-db-feedback.py SRC.jsonl OUT.jsonl
Reads the normalised data (one JSON a line with `id`, `text`, `labels` = aspect category names)
and writes one JSON a line `{"id", "text", "labels"}` with each category mapped to its measure id:
`bahn.` + the name in lower case with ä→ae, ö→oe, ü→ue, ß→ss (so "Sonstige_Unregelmässigkeiten"
becomes "bahn.sonstige_unregelmaessigkeiten"); labels are deduplicated in their order. Exits 1
naming the line when a label has no measure in the framework. The data is not shipped with the
repository (licence not stated), so OUT belongs outside it.
"""
import json
import re
import sys
from pathlib import Path

FRAMEWORK = Path(__file__).resolve().parent.parent / "corpora" / "db-feedback" / "framework.yaml"
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def measure_id(category: str) -> str:
    return "bahn." + category.lower().translate(UMLAUTS)


def framework_measures() -> set:
    """The measure ids of the framework (the `- id:` entries that contain a dot)."""
    text = FRAMEWORK.read_text(encoding="utf-8")
    ids = re.findall(r"^\s*-\s*id:\s*[\"']?([a-z0-9][a-z0-9._-]*)", text, flags=re.MULTILINE)
    return {i for i in ids if "." in i}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, output = sys.argv[1], sys.argv[2]
    measures = framework_measures()
    count = 0
    with open(source, encoding="utf-8") as handle, open(output, "w", encoding="utf-8", newline="\n") as out:
        for number, line in enumerate(handle, start=1):
            row = json.loads(line)
            labels = []
            for category in row["labels"]:
                mapped = measure_id(category)
                if mapped not in measures:
                    print(f"{source}:{number}: label {category!r} (→ {mapped}) has no measure in {FRAMEWORK}",
                          file=sys.stderr)
                    return 1
                if mapped not in labels:
                    labels.append(mapped)
            out.write(json.dumps({"id": row["id"], "text": row["text"], "labels": labels}, ensure_ascii=False) + "\n")
            count += 1
    print(f"{output}: {count} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
