#!/usr/bin/env bash
# Builds pfviz three ways and runs every test: the full build (GUI on, warnings are errors),
# the engine and CLI with no Qt at all, and the whole suite under ASan + UBSan.
# Usage: bash tests/run_all.sh      (installs missing Debian packages itself)
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/deps.sh test
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
presets=${PFVIZ_PRESETS:-"ci ci-nogui asan"}
for preset in $presets; do
  echo "=== pfviz: preset $preset ==="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset" -j2
done
echo "=== pfviz: all presets passed ($presets) ==="
