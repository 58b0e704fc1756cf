#!/usr/bin/env bash
# `pfviz FILE` opens FILE (the desktop entry passes %f): a scenario that has a segmentation fault
# reaches it with --run-to, which the default scenario (fork_cow, no invalid access) cannot; a
# broken FILE is refused with its file:line:column; FILE and --scenario together are refused.
# Usage: open_file.sh PFVIZ SCENARIO_DIR WORKDIR
set -euo pipefail
pfviz=$1 scenarios=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config"
cp "$scenarios/segfault.json" "$work/my lesson.pfviz.json"
"$pfviz" "$work/my lesson.pfviz.json" --run-to invalid_access --size 1280x800 \
  --screenshot "$work/open.png"
[ -s "$work/open.png" ] || { echo "pfviz FILE: no screenshot" >&2; exit 1; }

expect_refusal() {  # expect_refusal WHAT PATTERN ARGS...
  local what=$1 pattern=$2
  shift 2
  set +e
  "$pfviz" "$@" --screenshot "$work/refused.png" 2>"$work/err.txt"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || { echo "$what: exit $rc, expected 2" >&2; cat "$work/err.txt" >&2; exit 1; }
  grep -qE "$pattern" "$work/err.txt" || {
    echo "$what: the message does not match '$pattern':" >&2
    cat "$work/err.txt" >&2
    exit 1
  }
}
printf '{\n  "format": "pfviz-scenario/1",\n  "name": 7\n}\n' >"$work/broken.pfviz.json"
expect_refusal "a broken FILE" 'broken\.pfviz\.json:3:11: name: ' "$work/broken.pfviz.json"
expect_refusal "FILE and --scenario" 'not both' "$work/my lesson.pfviz.json" --scenario fork_cow
expect_refusal "two FILEs" 'one scenario file' "$work/broken.pfviz.json" "$work/broken.pfviz.json"
echo "pfviz FILE opens FILE; bad files and ambiguous arguments are refused"
