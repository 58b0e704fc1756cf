#!/usr/bin/env bash
# Every C++ file of the repository is formatted by its .clang-format (clang-format --dry-run).
# Usage: format_check.sh SOURCE_DIR CLANG_FORMAT
set -euo pipefail
src=$1 clang_format=$2
cd "$src"
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find app engine ui tests packaging scenarios -name '*.cpp' -o -name '*.h')
fi
bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "${#bad[@]} of ${#files[@]} files are not clang-formatted (run: clang-format -i FILE):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "all ${#files[@]} C++ files are clang-formatted"
