#!/bin/sh
# Checks the README's promise: on a fresh, minimal Debian 12 with only the prerequisites swift.org
# lists for Swift on Debian 12, plus make, a clean clone passes `make run` and then `make test`.
#
# Usage (as root, on Debian or Ubuntu; installs debootstrap when missing):
#   scripts/check-fresh-debian.sh [--keep] [ROOT]
#
# It builds ROOT (default /var/tmp/resonanz-fresh-debian12) anew with
# `debootstrap --variant=minbase bookworm`, installs the toolchain's prerequisites and make in it,
# mounts this machine's Swift toolchain read-only at /opt/swift, clones the repository's HEAD
# (committed work only) into /root/resonanz and runs the two commands there, as a new user would,
# with a PATH that has Swift and nothing else of this machine. The log is ROOT.log.
# ROOT is removed at the end unless --keep is given.
#
# Environment: SWIFT_TOOLCHAIN (default: the toolchain of the swift on PATH, e.g. /opt/swift),
# DEBIAN_MIRROR (default http://deb.debian.org/debian). Where this machine reads Swift packages
# from a local mirror (git's url.<dir>.insteadOf for https://github.com/), the mirror is mounted and
# the same setting written into the root; elsewhere the packages come from GitHub.
set -eu

keep=no
if [ "${1:-}" = "--keep" ]; then
    keep=yes
    shift
fi
root="${1:-/var/tmp/resonanz-fresh-debian12}"
log="$root.log"
repository="$(cd "$(dirname "$0")/.." && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [ "$(id -u)" != "0" ]; then
    echo "check-fresh-debian: debootstrap, chroot and mount need root; run it with sudo" >&2
    exit 2
fi
swift_binary="$(command -v swift || true)"
if [ -z "$swift_binary" ]; then
    echo "check-fresh-debian: no swift on PATH; set SWIFT_TOOLCHAIN to the toolchain's folder" >&2
    exit 2
fi
toolchain="${SWIFT_TOOLCHAIN:-$(dirname "$(dirname "$(dirname "$(readlink -f "$swift_binary")")")")}"
if [ ! -x "$toolchain/usr/bin/swift" ]; then
    echo "check-fresh-debian: $toolchain/usr/bin/swift is not a Swift toolchain" >&2
    exit 2
fi
if ! command -v debootstrap >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi
if [ -n "$(git -C "$repository" status --porcelain --untracked-files=no)" ]; then
    echo "check-fresh-debian: note: uncommitted changes are not part of the check (it clones HEAD)" >&2
fi

mounts=""
unmount_all() {
    for target in $mounts; do
        umount -l "$target" 2>/dev/null || true
    done
    mounts=""
}
cleanup() {
    unmount_all
    if [ "$keep" = no ]; then rm -rf "$root"; fi
}
trap cleanup EXIT INT TERM
bind() { # bind SOURCE TARGET [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
    mounts="$2 $mounts"
}
step() { echo "== $(date -u +%H:%M:%S) $*" | tee -a "$log"; }

rm -rf "$root"
: >"$log"
step "debootstrap --variant=minbase bookworm $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >>"$log" 2>&1
cp /etc/resolv.conf "$root/etc/resolv.conf"
bind /proc "$root/proc"
bind /sys "$root/sys"
bind /dev "$root/dev"
bind /dev/pts "$root/dev/pts"
bind "$toolchain" "$root/opt/swift" ro

packages_mirror="$(git config --system --get-regexp '^url\..*\.insteadof$' 2>/dev/null |
    awk '$2 == "https://github.com/" { sub(/^url\./, "", $1); sub(/\.insteadof$/, "", $1); print $1; exit }')"
if [ -n "$packages_mirror" ] && [ -d "$packages_mirror" ]; then
    bind "$packages_mirror" "$root$packages_mirror" ro
    printf '[url "%s"]\n\tinsteadOf = https://github.com/\n' "$packages_mirror" >"$root/etc/gitconfig"
    echo "Swift packages from the local mirror $packages_mirror" >>"$log"
fi

in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# swift.org, "Installation via Tarball", Debian 12; and make, which the README asks for.
prerequisites="binutils-gold gcc git libcurl4-openssl-dev libedit-dev libicu-dev libncurses-dev libpython3-dev \
libsqlite3-dev libxml2-dev pkg-config tzdata uuid-dev ca-certificates make"
step "apt-get install Swift's prerequisites and make"
# shellcheck disable=SC2086
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $prerequisites" >>"$log" 2>&1

step "git clone (HEAD $(git -C "$repository" rev-parse --short HEAD))"
git clone --quiet --no-local "$repository" "$root/root/resonanz" >>"$log" 2>&1

status=0
step "make run"
start=$(date +%s)
in_root sh -c 'cd /root/resonanz && make run' >>"$log" 2>&1 || status=$?
step "make run: exit $status after $(($(date +%s) - start)) s"
if [ "$status" = 0 ]; then
    start=$(date +%s)
    step "make test"
    in_root sh -c 'cd /root/resonanz && make test' >>"$log" 2>&1 || status=$?
    step "make test: exit $status after $(($(date +%s) - start)) s"
fi
if [ "$status" != 0 ]; then
    tail -n 40 "$log" >&2
    echo "check-fresh-debian: FAILED (whole log: $log)" >&2
    exit 1
fi
echo "check-fresh-debian: make run and make test passed in a fresh Debian 12 (log: $log)"
