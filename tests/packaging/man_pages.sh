#!/usr/bin/env bash
# The man pages are made from --help at build time; this checks that they stayed complete:
# pfviz-cli.1 has a section for every subcommand, and every long option that
# `pfviz-cli CMD --help` lists appears in it; both pages render without warnings.
# Usage: man_pages.sh MAN_DIR PFVIZ_CLI COMMAND...
set -euo pipefail
man_dir=$1 cli=$2
shift 2
page="$man_dir/pfviz-cli.1.gz"
[ -f "$page" ] || { echo "no $page" >&2; exit 1; }
text=$(zcat "$page" | sed 's/\\-/-/g; s/\\e/\\/g')
status=0
for cmd in "$@"; do
  grep -qF ".SS \"pfviz-cli $cmd\"" <<<"$text" || { echo "pfviz-cli.1 has no section for $cmd" >&2; status=1; }
  for opt in $("$cli" "$cmd" --help | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u); do
    grep -qF -- "$opt" <<<"$text" || { echo "pfviz-cli.1 does not mention $cmd $opt" >&2; status=1; }
  done
done
if command -v man >/dev/null; then
  for p in "$man_dir"/*.1.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$p" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || { echo "$(basename "$p"): $warnings" >&2; status=1; }
  done
fi
[ $status = 0 ] && echo "man pages: $# subcommands, every option documented"
exit $status
