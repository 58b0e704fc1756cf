#!/usr/bin/env bash
# pfviz --lang: ko and en render different windows of the same state; anything else is refused.
# Usage: lang_option.sh PFVIZ WORKDIR
set -euo pipefail
pfviz=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
export QT_QPA_PLATFORM=offscreen
for l in en ko; do
  "$pfviz" --lang "$l" --scenario fork_cow --step 40 --size 1280x800 --screenshot "$work/$l.png"
  [ -s "$work/$l.png" ] || { echo "no screenshot for --lang $l" >&2; exit 1; }
done
if cmp -s "$work/en.png" "$work/ko.png"; then
  echo "--lang ko drew the same window as --lang en" >&2
  exit 1
fi
set +e
"$pfviz" --lang de --scenario fork_cow --screenshot "$work/de.png" 2>"$work/de.err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "--lang de: exit $rc, expected 2" >&2; exit 1; }
grep -q 'en or ko' "$work/de.err" || { cat "$work/de.err" >&2; exit 1; }
echo "--lang en/ko render, --lang de refused"
