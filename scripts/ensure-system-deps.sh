#!/bin/sh
# Makes sure the system packages a make target needs are present, and installs the missing ones
# with apt-get when we run as root (or says the exact `apt-get install` line to run, and fails).
#
#   scripts/ensure-system-deps.sh build   ICU (libicu-dev) for the German tokenizer, SQLite
#                                         (libsqlite3-dev) for the store, found through pkg-config,
#                                         the C++ headers (g++) that swift-crypto compiles against,
#                                         and OpenThesaurus (openthesaurus-de-text) for synonyms
#   scripts/ensure-system-deps.sh test    build, plus python3 with jsonschema (the report.json schema
#                                         check) and Chromium (the report.html test)
#   scripts/ensure-system-deps.sh eval    build, plus python3 with venv (the references' scikit-learn
#                                         lives in .venv-eval/)
#
# Only Debian's packages are used: on Debian 12 and Ubuntu 23.04+ `pip install --user` is refused
# (PEP 668), so jsonschema comes from python3-jsonschema, not from pip.
set -eu

purpose="${1:-build}"
case "$purpose" in
build | test | eval) ;;
*)
    echo "usage: $0 build|test|eval" >&2
    exit 2
    ;;
esac

if ! command -v swift >/dev/null 2>&1; then
    echo "Resonanz needs a Swift 6 toolchain on PATH, with the system packages swift.org lists for" >&2
    echo "your distribution (https://www.swift.org/install/linux/)." >&2
    exit 1
fi

missing=""
need() { missing="$missing $1"; }

# swift-crypto compiles C++ (BoringSSL's headers include <memory>): the C++ standard library's
# headers come with g++, which swift.org's list for Debian 12 does not name.
clang="$(dirname "$(command -v swift)")/clang"
[ -x "$clang" ] || clang=clang
printf '#include <memory>\n' | "$clang" -x c++ -fsyntax-only - >/dev/null 2>&1 || need g++

if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists icu-uc icu-i18n 2>/dev/null || need libicu-dev
    pkg-config --exists sqlite3 2>/dev/null || need libsqlite3-dev
else
    need pkg-config
    need libicu-dev
    need libsqlite3-dev
fi

# OpenThesaurus's German synonyms, for the words a measure does not use (LGPL 2.1).
[ -f /usr/share/openthesaurus-de/openthesaurus.txt ] || need openthesaurus-de-text

if [ "$purpose" != build ]; then
    if ! command -v python3 >/dev/null 2>&1; then
        need python3
        [ "$purpose" = test ] && need python3-jsonschema
        [ "$purpose" = eval ] && need python3-venv
    elif [ "$purpose" = test ]; then
        python3 -c "from jsonschema import Draft202012Validator" 2>/dev/null || need python3-jsonschema
    else
        # Debian's python3 has the venv module but not ensurepip, which `python3 -m venv` needs.
        python3 -c "import venv, ensurepip" 2>/dev/null || need python3-venv
    fi
fi

if [ "$purpose" = test ]; then
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need chromium
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages:$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    if [ "$purpose" = test ] && ! python3 -c "from jsonschema import Draft202012Validator" 2>/dev/null; then
        echo "python3-jsonschema is installed, but the python3 on PATH ($(command -v python3)) is not" >&2
        echo "Debian's and does not see it: put /usr/bin first on PATH, or install jsonschema into it." >&2
        exit 1
    fi
    exit 0
fi

echo "make $purpose needs these system packages:$missing" >&2
echo "Install them once with:  sudo apt-get install$missing" >&2
exit 1
