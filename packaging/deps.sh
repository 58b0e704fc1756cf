#!/usr/bin/env bash
# Installs the Debian 12 packages pfviz needs to build, test and run (as root, via apt-get).
# Usage: packaging/deps.sh [gui|test]   (default: test, which is a superset)
#        packaging/deps.sh --list [gui|test]   print the package names, one a line, and exit
# Idempotent: does nothing when everything is already installed.
#
# Packages are installed with --no-install-recommends, so every package the build uses must be
# named here or be a Depends: of one that is (a Recommends: is not enough: qt6-base-dev only
# recommends libqt6opengl6-dev, which Qt Charts' CMake config needs). The ctest
# `packaging.deps_check` (packaging/check-deps.py) proves it after every build.
set -euo pipefail
list=0
if [ "${1:-}" = --list ]; then
  list=1
  shift
fi
what=${1:-test}
case "$what" in gui | test) ;; *)
  echo "usage: packaging/deps.sh [--list] [gui|test]" >&2
  exit 2
  ;;
esac

# Building: compiler, CMake (Qt's CMake config runs pkg-config), the engine's and the CLI's libraries, the tests' libraries (the
# release preset that app/launch.sh builds has the tests and benchmarks in it).
pkgs=(cmake g++ make pkgconf python3 nlohmann-json3-dev libcli11-dev
      libgtest-dev libgmock-dev libbenchmark-dev)
# The GUI: Qt 6.4 (Widgets, Charts, Svg, Linguist tools for the Korean catalog), the xcb platform
# plugin for a real window, fonts for Latin and Hangul text, Qt's own Korean dialog texts, and
# help2man for the man pages made from --help at build time.
pkgs+=(qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
       qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins qt6-translations-l10n
       fonts-dejavu-core fonts-noto-cjk help2man)
if [ "$what" = test ]; then
  # The tests: a real X server for the window tests, the schema check (python3-jsonschema),
  # XML and PDF checks, clang-format and clang-tidy, and the Debian package checks (cpack's
  # dpkg-shlibdeps needs dpkg-dev and file; lintian, desktop-file-validate, appstreamcli,
  # update-mime-database).
  pkgs+=(xvfb xauth python3-jsonschema libxml2-utils poppler-utils clang-format clang-tidy
         dpkg-dev file lintian desktop-file-utils appstream shared-mime-info)
fi

if [ "$list" = 1 ]; then
  printf '%s\n' "${pkgs[@]}"
  exit 0
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
