#!/usr/bin/env bash
# Builds pfviz (installing missing Debian packages first) and opens it on a built-in scenario.
# Usage: bash app/launch.sh [SCENARIO] [pfviz options...]     e.g. bash app/launch.sh fork_cow --presenter
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/deps.sh gui
cmake --preset release >/dev/null
cmake --build --preset release
scenario=${1:-fork_cow}
shift || true
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "pfviz: no display found (DISPLAY is not set); running headless instead:" >&2
  exec build/release/app/pfviz-cli run "$scenario"
fi
exec build/release/app/pfviz --scenario "$scenario" "$@"
