#!/bin/sh
# Makes sure the system libraries Resonanz builds against are present: ICU (libicu-dev) for the
# German tokenizer and SQLite (libsqlite3-dev) for the store, found through pkg-config.
# Installs them with apt-get when they are missing and we run as root; otherwise says exactly
# what to install and fails.
set -eu

missing=""
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists icu-uc icu-i18n 2>/dev/null || missing="$missing libicu-dev"
    pkg-config --exists sqlite3 2>/dev/null || missing="$missing libsqlite3-dev"
else
    missing="$missing libicu-dev libsqlite3-dev"
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "Resonanz needs a Swift 6 toolchain on PATH (https://www.swift.org/install/linux/)." >&2
    exit 1
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages:$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    exit 0
fi

echo "Resonanz needs these system packages:$missing" >&2
echo "Install them with:  sudo apt-get install$missing" >&2
exit 1
