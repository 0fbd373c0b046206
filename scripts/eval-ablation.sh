#!/bin/sh
# Each assignment step left out in turn (make eval-ablation), for docs/assignment.md.
#
# Every variant gets its own confidence model, fitted without the corpus it is tested on
# (Ottensen is scored with a model fitted on Jena and the other way round; GermEval with one
# fitted on both), so a step is judged by what it adds after calibration.
# Usage: scripts/eval-ablation.sh RESONANZ DATA OUT
set -eu
resonanz=$1 data=$2 out=$3
mkdir -p "$out"
jena="corpora/jena-hf4/framework.yaml=corpora/jena-hf4/comments.csv,corpora/jena-hf4/comments-2026-11-16.csv"
ottensen="corpora/ottensen/framework.yaml=corpora/ottensen/comments.jsonl"
germeval=""
if [ -f "$data/germeval2017_db_train/normalized.jsonl" ]; then
    germeval="$out/germeval2017.jsonl"
    scripts/import-db-feedback.py "$data/germeval2017_db_train/normalized.jsonl" "$germeval" >/dev/null
fi

echo "| variant | Ottensen macro-F1 | Jena macro-F1 | GermEval macro-F1 | Ottensen ECE | Jena ECE | GermEval ECE |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for variant in "all steps:" "without query expansion:--no-expansion" "without Naive Bayes EM:--no-self-training" \
    "BM25 only:--no-expansion --no-self-training"; do
    label=${variant%%:*}
    flags=${variant#*:}
    key=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-')
    # shellcheck disable=SC2086
    {
        "$resonanz" eval calibrate --corpus "$jena" --output "$out/$key-jena.json" $flags >/dev/null 2>&1
        "$resonanz" eval calibrate --corpus "$ottensen" --output "$out/$key-ottensen.json" $flags >/dev/null 2>&1
        "$resonanz" eval calibrate --corpus "$ottensen" --corpus "$jena" --output "$out/$key-both.json" $flags >/dev/null 2>&1
        "$resonanz" eval --framework corpora/ottensen/framework.yaml --comments corpora/ottensen/comments.jsonl \
            --confidence-model "$out/$key-jena.json" $flags > "$out/$key-on-ottensen.json" 2>/dev/null
        "$resonanz" eval --framework corpora/jena-hf4/framework.yaml \
            --comments corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv \
            --confidence-model "$out/$key-ottensen.json" $flags > "$out/$key-on-jena.json" 2>/dev/null
        if [ -n "$germeval" ]; then
            "$resonanz" eval --framework corpora/db-feedback/framework.yaml --comments "$germeval" \
                --confidence-model "$out/$key-both.json" $flags > "$out/$key-on-germeval.json" 2>/dev/null
        fi
    }
    python3 - "$out" "$key" "$label" <<'PY'
import json, os, sys
out, key, label = sys.argv[1:]
cells = []
for corpus in ("ottensen", "jena", "germeval"):
    path = os.path.join(out, f"{key}-on-{corpus}.json")
    cells.append(json.load(open(path)) if os.path.exists(path) else None)
f1 = [f"{c['macro_f1']:.3f}" if c else "–" for c in cells]
ece = [f"{c['reliability_listed']['expected_calibration_error']:.3f}" if c else "–" for c in cells]
print(f"| {label} | " + " | ".join(f1 + ece) + " |")
PY
done

# How firmly reviews hold the confidence model to the shipped one (--review-precision; 10 ships).
echo
echo "| review precision | Ottensen, 100 / 200 reviews | Jena, 100 / 200 reviews |"
echo "|---:|---|---|"
for precision in 0 3 10 50; do
    "$resonanz" eval --framework corpora/ottensen/framework.yaml --comments corpora/ottensen/comments.jsonl \
        --confidence-model "$out/all-steps-jena.json" --learning-curve 100,200 --review-precision $precision \
        > "$out/precision-$precision-on-ottensen.json" 2>/dev/null
    "$resonanz" eval --framework corpora/jena-hf4/framework.yaml \
        --comments corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv \
        --confidence-model "$out/all-steps-ottensen.json" --learning-curve 100,200 --review-precision $precision \
        > "$out/precision-$precision-on-jena.json" 2>/dev/null
    python3 - "$out" "$precision" <<'PY'
import json, os, sys
out, precision = sys.argv[1:]
cells = []
for corpus in ("ottensen", "jena"):
    report = json.load(open(os.path.join(out, f"precision-{precision}-on-{corpus}.json")))
    cells.append(" / ".join(f"{point['macro_f1']:.3f}" for point in report["learning_curve"]))
print(f"| {precision} | " + " | ".join(cells) + " |")
PY
done
