#!/bin/sh
# Each assignment step left out in turn (make eval-ablation), for docs/assignment.md.
#
# Every variant is judged as make eval-assignment judges the whole: each labelled corpus held out
# in turn, scored with a confidence model fitted (with the same variant) on the others only, so a
# step is judged by what it adds after calibration, on data nothing was fitted on.
# Usage: scripts/eval-ablation.sh RESONANZ DATA OUT
set -eu
resonanz=$1 data=$2 out=$3
mkdir -p "$out"
scripts/labelled-corpora.sh "$data" "$out/labelled" > "$out/corpora.txt"
names=$(awk '{ print $1 }' "$out/corpora.txt" | tr '\n' ' ')

header="| variant |"
rule="|---|"
for name in $names; do
    header="$header $name top-1 / macro-F1 / precision / recall |"
    rule="$rule---|"
done
echo "$header"
echo "$rule"
for variant in "all steps:" "without synonyms:--no-synonyms" "without query expansion:--no-expansion" \
    "without Naive Bayes EM:--no-self-training" "BM25 only:--no-expansion --no-self-training --no-synonyms"; do
    label=${variant%%:*}
    flags=${variant#*:}
    key=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-')
    line="| $label |"
    while read -r name framework files; do
        others=""
        while read -r other other_framework other_files; do
            [ "$other" = "$name" ] || others="$others --corpus $other_framework=$other_files"
        done < "$out/corpora.txt"
        # shellcheck disable=SC2086
        "$resonanz" eval calibrate $others --output "$out/$key-without-$name.json" $flags >/dev/null 2>&1
        # shellcheck disable=SC2046,SC2086
        "$resonanz" eval --framework "$framework" --comments $(echo "$files" | tr ',' ' ') \
            --confidence-model "$out/$key-without-$name.json" $flags > "$out/$key-on-$name.json" 2>/dev/null
        line="$line $(python3 - "$out/$key-on-$name.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"{d['top1_accuracy']:.3f} / {d['macro_f1']:.3f} / {d['micro_precision']:.3f} / {d['micro_recall']:.3f}")
PY
) |"
    done < "$out/corpora.txt"
    echo "$line"
done
