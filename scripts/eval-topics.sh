#!/bin/sh
# Clustering quality (make eval-topics): GSDMM and spherical k-means (K = the gold number) on the
# GSDMM paper's benchmarks, beside the published figures, and on the German news sections of 10kGNAD.
# Usage: scripts/eval-topics.sh RESONANZ DATA OUT
set -eu
resonanz=$1 data=$2 out=$3
benchmarks="$data/short-text-clustering"
if [ ! -d "$benchmarks" ]; then echo "skipped: $benchmarks is not here"; exit 0; fi
mkdir -p "$out"
echo "| corpus | clusterer | documents | gold clusters | clusters found | NMI | published NMI (Yin & Wang 2014) | ARI | NPMI |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
row() {  # json corpus clusterer published
    python3 - "$@" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {sys.argv[3]} | {r['documents']} | {r['gold_classes']} | {r['clusters_found']} | {r['nmi']:.3f} "
      f"| {sys.argv[4]} | {r['ari']:.3f} | {r['npmi_mean']:.3f} |")
PY
}
for set in "T 0.874 0.732" "S 0.896 0.759" "TS 0.928 0.834" "Tweet – –"; do
    name=${set%% *} rest=${set#* }
    published=${rest% *} published_kmeans=${rest#* }
    # The paper's setting: K = 300 as the upper bound, α = β = 0.1, 30 sweeps; one seed.
    "$resonanz" eval topics "$benchmarks/$name.json" --label-key cluster --tokens whitespace \
        --maximum-clusters 300 --restarts 1 --seed 0 > "$out/$name.json"
    row "$out/$name.json" "$name" "GSDMM" "$published"
    "$resonanz" eval topics "$benchmarks/$name.json" --label-key cluster --tokens whitespace \
        --clusterer kmeans --restarts 3 --seed 0 > "$out/$name-kmeans.json"
    row "$out/$name-kmeans.json" "$name" "spherical k-means, K = gold" "$published_kmeans"
done
if [ -f "$data/gnad10k_test/normalized.jsonl" ]; then
    "$resonanz" eval topics "$data/gnad10k_test/normalized.jsonl" --tokens german --maximum-clusters 40 --seed 0 \
        > "$out/gnad10k.json" 2>/dev/null
    row "$out/gnad10k.json" "10kGNAD test (German analyzer)" "GSDMM, K ≤ 40" "–"
    "$resonanz" eval topics "$data/gnad10k_test/normalized.jsonl" --tokens german --clusterer kmeans --seed 0 \
        > "$out/gnad10k-kmeans.json" 2>/dev/null
    row "$out/gnad10k-kmeans.json" "10kGNAD test (German analyzer)" "spherical k-means, K = gold" "–"
fi
