#!/usr/bin/env bash
# Installs the Debian 12 packages pfviz needs to build, test and run (as root, via apt-get).
# Usage: packaging/deps.sh [gui|test]   (default: test, which is a superset)
# Idempotent: does nothing when everything is already installed.
set -euo pipefail
what=${1:-test}
pkgs=(cmake g++ make nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
      qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-qpa-plugins qt6-l10n-tools
      fonts-dejavu-core fonts-noto-cjk qt6-translations-l10n)
if [ "$what" = test ]; then
  pkgs+=(xvfb xauth python3 python3-jsonschema libxml2-utils poppler-utils)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "pfviz: installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
