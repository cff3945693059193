#!/bin/sh
# Install Debian's Chromium for the browser tests, unless it is already there.
set -e
for exe in chromium chromium-browser; do
    if command -v "$exe" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "Installing Debian's chromium for the map tests (apt-get) ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
