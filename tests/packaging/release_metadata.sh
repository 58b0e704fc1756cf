#!/usr/bin/env bash
# The Debian changelog's top entry and the AppStream metadata's newest <release> name the version
# and the date that CMake builds (PROJECT_VERSION, PFVIZ_RELEASE_DATE).
# Usage: release_metadata.sh SOURCE_DIR VERSION DATE
set -euo pipefail
src=$1 version=$2 date=$3
status=0
top=$(head -1 "$src/packaging/changelog")
if [ "$top" != "pfviz ($version) unstable; urgency=medium" ]; then
  echo "packaging/changelog starts with '$top', expected version $version" >&2
  status=1
fi
trailer=$(grep -m1 '^ -- ' "$src/packaging/changelog")
changelog_date=$(date -u -d "${trailer#*>  }" +%F)
if [ "$changelog_date" != "$date" ]; then
  echo "packaging/changelog's top entry is dated $changelog_date, expected $date" >&2
  status=1
fi
release=$(grep -m1 -o '<release version="[^"]*" date="[^"]*"' "$src/packaging/io.github.pfviz.pfviz.metainfo.xml")
if [ "$release" != "<release version=\"$version\" date=\"$date\"" ]; then
  echo "the AppStream metadata's newest release is $release, expected version $version of $date" >&2
  status=1
fi
[ $status = 0 ] && echo "release $version of $date: changelog and AppStream agree"
exit $status
