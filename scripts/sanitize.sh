#!/bin/sh
# Builds and runs the whole test suite under each sanitizer named (address, thread), each in its
# own build folder (.build-asan, .build-tsan). The end-to-end tests run the `resonanz` built with
# the same sanitizer. Fails on the first sanitizer that reports anything.
#   scripts/sanitize.sh address thread
set -eu
for sanitizer in "$@"; do
    case $sanitizer in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer $sanitizer (address or thread)" >&2; exit 2 ;;
    esac
    echo "== $sanitizer sanitizer"
    start=$(date +%s)
    mkdir -p "$scratch"
    if ! swift build --build-tests --sanitize "$sanitizer" --scratch-path "$scratch" >"$scratch/build.log" 2>&1; then
        tail -30 "$scratch/build.log"
        exit 1
    fi
    # halt_on_error: a race or a memory error fails the run at once, with its report.
    RESONANZ_BINARY="$scratch/debug/resonanz" SWIFT_BACKTRACE=enable=no \
    ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" TSAN_OPTIONS="halt_on_error=1" \
        swift test --skip-build --sanitize "$sanitizer" --scratch-path "$scratch"
    echo "== $sanitizer sanitizer: clean in $(( $(date +%s) - start )) s"
done
