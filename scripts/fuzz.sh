#!/bin/sh
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each for SECONDS seconds.
#   scripts/fuzz.sh SECONDS [TARGET...]      (make fuzz SECONDS=600)
# Corpora grow in .build-fuzz/corpus/TARGET (kept between runs); a crash, leak or hang leaves its
# input in .build-fuzz/artifacts/TARGET/ and makes the script fail. Replay one input with
#   Fuzz/.build/release/fuzz-TARGET .build-fuzz/artifacts/TARGET/crash-…
set -eu
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=${*:-analyzer csv jsonl framework strategy}
work=.build-fuzz
bin=Fuzz/.build/release

# `--sanitize fuzzer` makes SwiftPM link libFuzzer's main instead of the module's. Swift code
# also gets `-sanitize=fuzzer,address` in one flag: swiftc keeps only the last `-sanitize=` it is
# given, so `--sanitize fuzzer --sanitize address` would leave Swift without coverage or without ASan.
mkdir -p "$work"
if ! swift build --package-path Fuzz -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address \
    -Xcc -fsanitize=address >"$work/build.log" 2>&1; then
    grep -v "warning: Cannot export local symbol" "$work/build.log" | tail -30
    exit 1
fi
# Swift's own crash backtracer trips ASan while it reads the crashed stack; libFuzzer prints one.
export SWIFT_BACKTRACE=enable=no
# Leaks in Foundation itself, not in Resonanz (Fuzz/lsan-suppressions.txt says which and why).
export LSAN_OPTIONS="suppressions=$(pwd)/Fuzz/lsan-suppressions.txt:print_suppressions=0"

# Seeds: the fixtures and shipped corpora of each input kind, and Fuzz/seeds/TARGET/.
seed() { # seed TARGET FILE...
    mkdir -p "$work/seeds/$1"
    name=$1
    shift
    for file in "$@"; do [ -f "$file" ] && cp "$file" "$work/seeds/$name/"; done
    return 0
}
rm -rf "$work/seeds"
seed analyzer Tests/Fixtures/bad-input/*.csv Tests/Fixtures/mini/*.csv Tests/Fixtures/cistem-test-vectors.tsv
mkdir -p "$work/seeds/analyzer/lines"
split -l 1 corpora/jena-hf4/comments-2026-11-16.csv "$work/seeds/analyzer/lines/jena-"
mv "$work/seeds/analyzer/lines/"* "$work/seeds/analyzer/" && rmdir "$work/seeds/analyzer/lines"
seed csv Tests/Fixtures/bad-input/*.csv Tests/Fixtures/bad-input/*.tsv Tests/Fixtures/mini/*.csv \
    corpora/jena-hf4/comments-2026-11-16.csv
seed jsonl Tests/Fixtures/bad-input/*.jsonl
head -40 corpora/ottensen/comments.jsonl > "$work/seeds/jsonl/ottensen-head.jsonl"
seed framework corpora/*/framework.yaml Tests/Fixtures/mini/framework.yaml
seed strategy Fuzz/seeds/strategy/*

status=0
for target in $targets; do
    corpus="$work/corpus/$target"
    artifacts="$work/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    log="$work/fuzz-$target.log"
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 4 GB is a leak or a blow-up.
    if "$bin/fuzz-$target" "$corpus" "$work/seeds/$target" \
        -dict="Fuzz/dictionaries/$target.dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" >"$log" 2>&1; then
        result=clean
    else
        result="FAILED (see $log and $artifacts/)"
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz-$target: ${runs:-?} inputs in ${seconds} s, $coverage, corpus $(ls "$corpus" | wc -l) files: $result"
done
exit $status
