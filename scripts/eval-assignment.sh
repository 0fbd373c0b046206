#!/bin/sh
# Measure assignment and counts on every labelled corpus, each held out in turn (make eval-assignment).
#
# For each corpus of scripts/labelled-corpora.sh: a confidence model fitted on the other corpora
# only (`resonanz eval calibrate`, which also cross-fits the count interval among them), then
# `resonanz eval` of the held-out corpus with that model: zero-shot figures, the learning curve of
# the review queue (25/50/100/200 reviews, gold labels as the reviewer), and simulated audits of
# 100 comments (seeds 1–5); beside the naive and the supervised reference (scripts/eval-baselines.py).
# Then routing: the Konstanz reports without their goal. Nothing is fitted or tuned on the corpus
# a figure is reported for. The JSON of every run goes to OUT; scripts/summarize-assignment-eval.py
# prints the tables.
# Usage: scripts/eval-assignment.sh RESONANZ PYTHON DATA OUT
set -eu
resonanz=$1 python=$2 data=$3 out=$4
mkdir -p "$out"
steps=0,25,50,100,200
scripts/labelled-corpora.sh "$data" "$out/labelled" > "$out/corpora.txt"

held_out() {  # name framework files: everything about one held-out corpus
    name=$1 framework=$2 files=$3
    others=""
    while read -r other other_framework other_files; do
        [ "$other" = "$name" ] || others="$others --corpus $other_framework=$other_files"
    done < "$out/corpora.txt"
    # shellcheck disable=SC2086
    "$resonanz" eval calibrate $others --output "$out/model-without-$name.json" > "$out/calibrate-$name.txt" 2>&1
    # shellcheck disable=SC2046
    "$python" scripts/eval-baselines.py --framework "$framework" --comments $(echo "$files" | tr ',' ' ') \
        > "$out/$name-baselines.json"
    # shellcheck disable=SC2046
    "$resonanz" eval --framework "$framework" --comments $(echo "$files" | tr ',' ' ') \
        --confidence-model "$out/model-without-$name.json" --learning-curve $steps --audit 100 --audit-repeats 5 \
        > "$out/$name.json" 2> "$out/$name.err"
    echo "  $name: done" >&2
}

# Two corpora at a time (one per core).
running=0
while read -r name framework files; do
    held_out "$name" "$framework" "$files" &
    running=$((running + 1))
    if [ "$running" -ge 2 ]; then
        wait
        running=0
    fi
done < "$out/corpora.txt"
wait

scripts/labelled-corpora.sh "$data" "$out/labelled" routing > "$out/routing.txt"
while read -r name framework files; do
    "$resonanz" eval --framework "$framework" --comments "$files" --confidence-model "$out/model-without-$name.json" \
        > "$out/$name-routing.json" 2>/dev/null
done < "$out/routing.txt"

"$python" scripts/summarize-assignment-eval.py "$out"
