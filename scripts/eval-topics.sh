#!/bin/sh
# Clustering quality (make eval-topics): GSDMM on the GSDMM paper's benchmarks, beside the
# published figures, and on the German news sections of 10kGNAD.
# Usage: scripts/eval-topics.sh RESONANZ DATA OUT
set -eu
resonanz=$1 data=$2 out=$3
benchmarks="$data/short-text-clustering"
if [ ! -d "$benchmarks" ]; then echo "skipped: $benchmarks is not here"; exit 0; fi
mkdir -p "$out"
echo "| corpus | documents | gold clusters | clusters found | NMI | published NMI (Yin & Wang 2014) | ARI | NPMI |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for set in "T 0.874" "S 0.896" "TS 0.928" "Tweet –"; do
    name=${set% *} published=${set#* }
    # The paper's setting: K = 300 as the upper bound, α = β = 0.1, 30 sweeps; one seed.
    "$resonanz" eval topics "$benchmarks/$name.json" --label-key cluster --tokens whitespace \
        --maximum-clusters 300 --restarts 1 --seed 0 > "$out/$name.json"
    python3 - "$out/$name.json" "$name" "$published" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {r['documents']} | {r['gold_classes']} | {r['clusters_found']} | {r['nmi']:.3f} | {sys.argv[3]} | {r['ari']:.3f} | {r['npmi_mean']:.3f} |")
PY
done
if [ -f "$data/gnad10k_test/normalized.jsonl" ]; then
    "$resonanz" eval topics "$data/gnad10k_test/normalized.jsonl" --tokens german --maximum-clusters 40 --seed 0 \
        > "$out/gnad10k.json" 2>/dev/null
    python3 - "$out/gnad10k.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| 10kGNAD test (German analyzer, K ≤ 40) | {r['documents']} | {r['gold_classes']} | {r['clusters_found']} | {r['nmi']:.3f} | – | {r['ari']:.3f} | {r['npmi_mean']:.3f} |")
PY
fi
