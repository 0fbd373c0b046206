#!/bin/sh
# The labelled corpora of the assignment evaluation, one line each: NAME FRAMEWORK FILE[,FILE…]
# (make eval-assignment, eval-ablation, confidence-model). Ottensen and Jena ship in corpora/; the
# others are read from DATA (../shared/data) and imported into OUT by scripts/import-labelled.py
# when DATA has them and their framework is in the working copy (their licences keep the texts,
# and the frameworks that name their categories, out of the repository). With `routing` as third
# argument: the Konstanz reports without their goal, for measuring routing.
# Usage: scripts/labelled-corpora.sh DATA OUT [routing]
set -eu
data=$1 out=$2
mkdir -p "$out"
if [ "${3:-}" = routing ]; then
    [ -f "$data/konstanz_maengelmelder/normalized.jsonl" ] && [ -f corpora/konstanz/framework.yaml ] || exit 0
    scripts/import-labelled.py konstanz "$data/konstanz_maengelmelder/normalized.jsonl" "$out/konstanz-without-goal.jsonl" \
        --without-goal 2>/dev/null
    echo "konstanz corpora/konstanz/framework.yaml $out/konstanz-without-goal.jsonl"
    exit 0
fi
echo "ottensen corpora/ottensen/framework.yaml corpora/ottensen/comments.jsonl"
echo "jena-hf4 corpora/jena-hf4/framework.yaml corpora/jena-hf4/comments.csv,corpora/jena-hf4/comments-2026-11-16.csv"
for item in germeval2017:germeval2017_db_train:db-feedback konstanz:konstanz_maengelmelder:konstanz gnad10k:gnad10k_test:gnad10k; do
    name=${item%%:*} rest=${item#*:}
    folder=${rest%%:*} framework=${rest#*:}
    if [ ! -f "corpora/$framework/framework.yaml" ]; then
        echo "  $name: skipped, corpora/$framework/framework.yaml is not in this working copy (not shipped)" >&2
    elif [ -f "$data/$folder/normalized.jsonl" ]; then
        scripts/import-labelled.py "$name" "$data/$folder/normalized.jsonl" "$out/$name.jsonl" 2>/dev/null
        echo "$name corpora/$framework/framework.yaml $out/$name.jsonl"
    else
        echo "  $name: skipped, $data/$folder is not here" >&2
    fi
done
