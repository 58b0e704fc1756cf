#!/usr/bin/env bash
# Builds the Debian package from a configured and built tree, checks it as Debian would and as a
# teacher would use it: lintian (no errors or warnings beyond packaging/lintian-overrides), the
# desktop entry, the AppStream metadata and the MIME type validate, and the programs run from a
# scratch root the package was unpacked into (dpkg -x), with the files they need from it.
# Usage: packaging/check-deb.sh BUILD_DIR WORK_DIR      (exit 0 = all good; prints what failed)
set -euo pipefail
build=$(cd "$1" && pwd)
work=$2
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

fail() {
  echo "check-deb: FAILED: $*" >&2
  exit 1
}
for tool in cpack dpkg dpkg-deb lintian file desktop-file-validate appstreamcli update-mime-database; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (bash packaging/deps.sh test installs it)"
done

echo "== cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB"
}
deb=$(ls "$work"/out/pfviz_*.deb)
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Recommends\|Section\|Installed-Size\):/  \1:/p'

echo "== lintian"
# --fail-on warning: errors and warnings fail; info and pedantic tags are printed only.
lintian --fail-on error,warning --display-info --allow-root "$deb" | tee "$work/lintian.log" ||
  fail "lintian reported errors or warnings (see above)"

echo "== unpack into a scratch root"
root="$work/root"
dpkg -x "$deb" "$root"
for f in usr/bin/pfviz usr/bin/pfviz-cli \
  usr/share/man/man1/pfviz.1.gz usr/share/man/man1/pfviz-cli.1.gz \
  usr/share/doc/pfviz/copyright usr/share/doc/pfviz/changelog.gz \
  usr/share/applications/io.github.pfviz.pfviz.desktop \
  usr/share/metainfo/io.github.pfviz.pfviz.metainfo.xml \
  usr/share/mime/packages/pfviz.xml \
  usr/share/icons/hicolor/scalable/apps/pfviz.svg \
  usr/share/pfviz/scenarios/schema.json usr/share/pfviz/scenarios/README.md \
  usr/share/pfviz/scenarios/fork_cow.pfviz.json; do
  [ -e "$root/$f" ] || fail "the package has no /$f"
done
for s in 16 22 24 32 48 64 128 256 512; do
  png="$root/usr/share/icons/hicolor/${s}x${s}/apps/pfviz.png"
  [ -f "$png" ] || fail "no ${s}x${s} icon"
  file "$png" | grep -q "PNG image data, $s x $s" || fail "$png is not a ${s}x${s} PNG"
done

echo "== desktop entry, AppStream, MIME type"
desktop-file-validate "$root/usr/share/applications/io.github.pfviz.pfviz.desktop" ||
  fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.pfviz.pfviz.metainfo.xml" ||
  fail "appstreamcli validate"
mime="$work/mime"
mkdir -p "$mime/packages"
cp "$root/usr/share/mime/packages/pfviz.xml" "$mime/packages/"
update-mime-database "$mime" >/dev/null || fail "update-mime-database refused the MIME type"
grep -q 'application/x-pfviz-scenario:\*\.pfviz\.json' "$mime/globs2" ||
  fail "the MIME database has no glob *.pfviz.json for application/x-pfviz-scenario"
grep -q 'x-pfviz-scenario' "$mime/magic" || fail "the MIME database has no magic for pfviz scenarios"

echo "== the installed programs, from the scratch root"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config"
"$root/usr/bin/pfviz-cli" --version | tee "$work/cli-version.txt"
grep -q '^pfviz-cli [0-9]' "$work/cli-version.txt" || fail "pfviz-cli --version"
"$root/usr/bin/pfviz-cli" run fork_cow --check || fail "pfviz-cli run fork_cow --check"
"$root/usr/bin/pfviz-cli" validate "$root"/usr/share/pfviz/scenarios/*.pfviz.json >/dev/null ||
  fail "the installed example scenarios do not validate"
"$root/usr/bin/pfviz" --version | tee "$work/gui-version.txt"
grep -q '^pfviz [0-9]' "$work/gui-version.txt" || fail "pfviz --version"
"$root/usr/bin/pfviz" "$root/usr/share/pfviz/scenarios/segfault.pfviz.json" --run-to invalid_access \
  --screenshot "$work/segfault.png" || fail "pfviz FILE --screenshot from the scratch root"
file "$work/segfault.png" | grep -q 'PNG image data' || fail "no screenshot"
echo "check-deb: ok"
