#!/bin/sh
# The report.html test opens the report in a real headless browser: Chromium from Debian's
# packages. Installs it with apt-get when it is missing and we run as root; otherwise says what to
# install (the test then fails with the same advice).
set -eu
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium for the report.html test" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
    exit 0
fi
echo "The report.html test needs Chromium:  sudo apt-get install chromium" >&2
exit 1
