#!/usr/bin/env python3
"""Maps a labelled corpus of ../shared/data onto the measures of its framework in corpora/.

Usage: scripts/import-labelled.py germeval2017|konstanz|gnad10k SRC.jsonl OUT.jsonl [--without-goal]

Reads the normalised data (one JSON a line with `id`, `text`, `labels` = category names, for
Konstanz also `goal_label` = the parent category) and writes one JSON a line
`{"id", "text", "labels"}` (Konstanz also `goal`) with each category mapped to its measure id:
- germeval2017 (corpora/db-feedback): `bahn.` + the name in lower case with ä→ae, ö→oe, ü→ue,
  ß→ss ("Sonstige_Unregelmässigkeiten" → "bahn.sonstige_unregelmaessigkeiten");
- konstanz (corpora/konstanz) and gnad10k (corpora/gnad10k): the tables below.
Konstanz reports keep the goal they were posted under (their parent category, as the platform
exports it); with --without-goal they have none, for measuring routing. Labels are deduplicated
in their order. Exits 1 naming the line when a label has no measure. The data is not shipped
with the repository (its licences do not allow it), so OUT belongs outside it.
"""
import json
import re
import sys
from pathlib import Path

KONSTANZ_GOALS = {
    "Beleuchtung": "beleuchtung", "Hinweise": "hinweise", "Muell/Sauberkeit": "sauberkeit",
    "Oeffentliche Orte/Ufer": "orte", "Pflanzenwuchs": "pflanzen", "Strassen, Fahrrad & Verkehr": "verkehr",
}
KONSTANZ_MEASURES = {
    "Strassenlaternen defekt": "beleuchtung.laternen",
    "Hinweise": "hinweise.allgemein",
    "Altglascontainer ueberfuellt": "sauberkeit.altglas",
    "Illegaler Muell": "sauberkeit.illegaler_muell",
    "Muelleimer ueberfuellt": "sauberkeit.muelleimer",
    "verschmutzte Strassen und Plaetze": "sauberkeit.strassen",
    "Freizeitgelaende beschaedigt / verunreinigt": "orte.freizeit",
    "Friedhof beschaedigt / verunreinigt": "orte.friedhof",
    "Oeffentliche WCs defekt / verunreinigt": "orte.wc",
    "Schulgelaende schadhaft / verunreinigt": "orte.schule",
    "Seeufer verschmutzt": "orte.seeufer",
    "Spielplaetze schadhaft / verunreinigt": "orte.spielplatz",
    "Sportplaetze beschaedigt / verunreinigt": "orte.sportplatz",
    "Verkehrsbehindernder Heckenwuchs, Straeucher": "pflanzen.hecken",
    "Abgemeldete Fahrzeuge": "verkehr.abgemeldete_fahrzeuge",
    "Ampel defekt": "verkehr.ampel",
    "Fahrrad gefunden": "verkehr.fahrrad_gefunden",
    "Fusswege schadhaft": "verkehr.fusswege",
    "Gullideckel/ Kanal verstopft": "verkehr.kanal",
    "Parkscheinautomat defekt": "verkehr.parkscheinautomat",
    "Radwege schadhaft": "verkehr.radwege",
    "Schilder unkenntlich": "verkehr.schilder",
    "Strassenschaeden": "verkehr.strassenschaeden",
}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
GERMEVAL_FRAMEWORK = Path(__file__).resolve().parent.parent / "corpora" / "db-feedback" / "framework.yaml"


def germeval_measures() -> dict:
    """Category name → measure id for every measure of the GermEval framework (`- id:` entries with a dot)."""
    text = GERMEVAL_FRAMEWORK.read_text(encoding="utf-8")
    return {i: i for i in re.findall(r"^\s*-\s*id:\s*[\"']?([a-z0-9][a-z0-9._-]*)", text, flags=re.MULTILINE) if "." in i}


def measure_id(corpus: str, category: str, table: dict):
    """The measure of `category`, or None when the framework has none for it."""
    if corpus == "germeval2017":
        return table.get("bahn." + category.lower().translate(UMLAUTS))
    return table.get(category)


GNAD_MEASURES = {name: "nachrichten." + name.lower() for name in
                 ["Etat", "Inland", "International", "Kultur", "Panorama", "Sport", "Web", "Wirtschaft", "Wissenschaft"]}


def main() -> int:
    arguments = [a for a in sys.argv[1:] if a != "--without-goal"]
    without_goal = "--without-goal" in sys.argv[1:]
    if len(arguments) != 3 or arguments[0] not in ("germeval2017", "konstanz", "gnad10k"):
        print(__doc__, file=sys.stderr)
        return 2
    corpus, source, output = arguments
    table = {"konstanz": KONSTANZ_MEASURES, "gnad10k": GNAD_MEASURES}.get(corpus) or germeval_measures()
    count = 0
    with open(source, encoding="utf-8") as handle, open(output, "w", encoding="utf-8", newline="\n") as out:
        for number, line in enumerate(handle, start=1):
            row = json.loads(line)
            labels = []
            for category in row["labels"]:
                mapped = measure_id(corpus, category, table)
                if mapped is None:
                    print(f"{source}:{number}: label {category!r} has no measure", file=sys.stderr)
                    return 1
                if mapped not in labels:
                    labels.append(mapped)
            record = {"id": row["id"], "text": row["text"], "labels": labels}
            if corpus == "konstanz" and not without_goal:
                record["goal"] = KONSTANZ_GOALS[row["goal_label"]]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"{output}: {count} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
