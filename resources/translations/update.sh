#!/usr/bin/env bash
# Refreshes pfviz_ko.ts from the GUI sources (ui/ and app/gui/). Run it after adding or changing
# a tr() string; new strings then appear as type="unfinished": translate them (Qt Linguist, or
# by hand in the .ts) until `ctest -R translations` passes. Strings gone from the sources are
# dropped (-no-obsolete). Extra arguments go to lupdate.
# The test (check.sh) runs this same command on a copy, so the two can never disagree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ts=${PFVIZ_TS:-$here/pfviz_ko.ts}
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
  if [ -x /usr/lib/qt6/bin/lupdate ]; then lupdate=/usr/lib/qt6/bin/lupdate; else lupdate=lupdate; fi
fi
cd "$root"
"$lupdate" -no-obsolete -locations none -extensions cpp,h ui app/gui -target-language ko_KR -I "$root" -I "$root/ui" \
  -ts "$ts" "$@"
n=$(grep -c 'type="unfinished"' "$ts" || true)
if [ "$n" -gt 0 ]; then
  echo "$ts: $n entries need a Korean translation (type=\"unfinished\"):" >&2
  grep -B2 'type="unfinished"' "$ts" | grep '<source>' | head -20 >&2
fi
