#!/usr/bin/env bash
# The translation test (ctest -R translations): fails when pfviz_ko.ts has an entry that is not
# translated (type="unfinished", "vanished" or "obsolete"), or when running update.sh on the
# current sources would change the catalog (a new tr() string without translation, or a string
# that is gone). Runs lupdate on a COPY in WORKDIR: the source tree is never modified.
# Usage: check.sh WORKDIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:?usage: check.sh WORKDIR}
ts=$here/pfviz_ko.ts
fail=0
if grep -n -E 'type="(unfinished|vanished|obsolete)"' "$ts" >&2; then
  echo "pfviz_ko.ts: the entries above are not translated" >&2
  fail=1
fi
rm -rf "$work" && mkdir -p "$work"
cp "$ts" "$work/pfviz_ko.ts"
PFVIZ_TS="$work/pfviz_ko.ts" "$here/update.sh" -silent >"$work/lupdate.log" 2>&1 || {
  cat "$work/lupdate.log" >&2
  exit 1
}
if ! diff -u "$ts" "$work/pfviz_ko.ts" >"$work/diff.txt"; then
  echo "pfviz_ko.ts is out of date with the sources; run resources/translations/update.sh," >&2
  echo "translate the new entries (type=\"unfinished\") and commit. The change lupdate makes:" >&2
  head -60 "$work/diff.txt" >&2
  fail=1
fi
n=$(grep -c '<message' "$ts")
[ "$fail" -eq 0 ] && echo "pfviz_ko.ts: all $n entries translated and up to date"
exit "$fail"
