#!/bin/sh
# System tools the test suite drives for real, from Debian's packages, unless already there:
# Chromium (the interactive-map tests), QGIS's Python bindings (the styled-GeoPackage test)
# and Node.js (the syntax check of maps/web/assets/asmap.js and its geometry decoder).
set -e
need=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || need="$need chromium fonts-dejavu-core"
/usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need="$need python3-qgis qgis-providers"
command -v node >/dev/null 2>&1 || need="$need nodejs"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "Installing Debian packages for the tests:$need (apt-get) ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
