#!/bin/sh
# Measure assignment on the labelled corpora beside the two references (make eval-assignment).
#
# For each corpus: the naive zero-shot baseline and the supervised logistic regression
# (scripts/eval-baselines.py), Resonanz zero-shot with the shipped confidence model and with a
# model fitted without the corpus, and the simulated review loop (learning curve). The JSON of
# every run goes to $OUT; the tables are printed by scripts/summarize-assignment-eval.py.
# Usage: scripts/eval-assignment.sh RESONANZ PYTHON DATA OUT
set -eu
resonanz=$1 python=$2 data=$3 out=$4
mkdir -p "$out"
steps=0,25,50,100,200

ottensen_framework=corpora/ottensen/framework.yaml
ottensen_comments=corpora/ottensen/comments.jsonl
jena_framework=corpora/jena-hf4/framework.yaml
jena_comments="corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv"

# Confidence models fitted without the corpus they are tested on.
"$resonanz" eval calibrate --corpus "$jena_framework=$(echo $jena_comments | tr ' ' ',')" \
    --output "$out/confidence-without-ottensen.json" 2>/dev/null
"$resonanz" eval calibrate --corpus "$ottensen_framework=$ottensen_comments" \
    --output "$out/confidence-without-jena.json" 2>/dev/null

measure() {  # name framework held-out-model comments...
    name=$1 framework=$2 heldout=$3
    shift 3
    echo "  $name: references" >&2
    "$python" scripts/eval-baselines.py --framework "$framework" --comments "$@" > "$out/$name-baselines.json"
    echo "  $name: Resonanz" >&2
    "$resonanz" eval --framework "$framework" --comments "$@" > "$out/$name-shipped.json" 2>/dev/null
    "$resonanz" eval --framework "$framework" --comments "$@" --confidence-model "$heldout" \
        --learning-curve $steps > "$out/$name-heldout.json" 2>/dev/null
}

measure ottensen "$ottensen_framework" "$out/confidence-without-ottensen.json" $ottensen_comments
# shellcheck disable=SC2086
measure jena-hf4 "$jena_framework" "$out/confidence-without-jena.json" $jena_comments
if [ -f "$data/germeval2017_db_train/normalized.jsonl" ]; then
    scripts/import-db-feedback.py "$data/germeval2017_db_train/normalized.jsonl" "$out/germeval2017.jsonl" >/dev/null
    # The shipped model never saw GermEval: it is the held-out model too.
    measure germeval2017 corpora/db-feedback/framework.yaml models/assignment-confidence.json "$out/germeval2017.jsonl"
else
    echo "  germeval2017: skipped, $data/germeval2017_db_train is not here" >&2
fi
scripts/summarize-assignment-eval.py "$out"
