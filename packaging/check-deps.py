#!/usr/bin/python3
"""Proves that packaging/deps.sh installs every Debian package a configured and built pfviz used.

A green CI can hide a missing install step: CI runs on a machine where packages installed by
hand earlier are still present. This check looks at what the build in BUILD_DIR really used —

  * every CMake package config that find_package() loaded (the *_DIR entries of CMakeCache.txt),
  * every program the configure step found (FILEPATH entries that are executables: compiler,
    archiver, make, the tools the tests run) and the programs named with --program,
  * every header the compiler read (the dependency files of each target),
  * every library on a link line and every shared library the built programs load (ldd),

— maps each file to the Debian package that owns it (dpkg's file lists, with /bin, /lib … and
/usr/bin, /usr/lib … treated as one, as usrmerge makes them), and fails unless the package is
named by deps.sh or is in the Depends:/Pre-Depends: closure of a named package or of the
packages every Debian system has (Essential: yes and Priority: required). Recommends do not
count, since deps.sh installs with --no-install-recommends; of alternatives (a | b) only the
first counts, which is what apt installs on a machine that has neither.

What deps.sh installs is found by running it with stand-ins for dpkg-query (nothing installed),
apt-get and sudo, so the check reads the command line deps.sh really gives apt-get.

Usage: check-deps.py BUILD_DIR [--deps packaging/deps.sh] [--mode test] [--program NAME ...]
Exit status: 0 all used packages are installed by deps.sh, 1 some are not (each is listed with
the files that needed it), 2 the check itself could not run.
"""

import argparse
import glob
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

USRMERGED = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


def canonical(path):
    """The /usr form of a path (Debian 12 is usrmerged: /lib/x.so is /usr/lib/x.so)."""
    path = os.path.normpath(path)
    for top in USRMERGED:
        if path == top or path.startswith(top + "/"):
            return "/usr" + path
    return path


def die(message):
    print("check-deps: " + message, file=sys.stderr)
    sys.exit(2)


def packages_from_deps_sh(deps_sh, mode):
    """Runs deps.sh with stand-ins and returns (packages it asks apt-get to install, whether it
    passes --no-install-recommends)."""
    with tempfile.TemporaryDirectory(prefix="pfviz-deps-") as tmp:
        record = os.path.join(tmp, "apt-get.args")
        stubs = {
            # Nothing is installed, so deps.sh asks for everything it knows.
            "dpkg-query": "exit 1\n",
            "apt-get": 'if [ "$1" = update ]; then exit 0; fi\nprintf "%s\\n" "$@" >> "%s"\n'
            % ("%s", record),
            "sudo": 'exec "$@"\n',
            "id": "echo 0\n",
        }
        for name, body in stubs.items():
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write("#!/bin/sh\n" + body)
            os.chmod(path, 0o755)
        env = dict(os.environ, PATH=tmp + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
        run = subprocess.run(["bash", deps_sh, mode], env=env, capture_output=True, text=True)
        if run.returncode != 0:
            die("%s %s failed (exit %d): %s" % (deps_sh, mode, run.returncode, run.stderr.strip()))
        if not os.path.exists(record):
            die("%s %s never called apt-get install" % (deps_sh, mode))
        args = open(record).read().split("\n")
    args = [a for a in args if a]
    if "install" not in args:
        die("%s %s called apt-get without install: %s" % (deps_sh, mode, " ".join(args)))
    words = args[args.index("install") + 1:]
    no_recommends = "--no-install-recommends" in words
    return [w for w in words if not w.startswith("-")], no_recommends


def dpkg_file_owners():
    """Maps every file of every installed package (canonical path) to its packages."""
    owners = {}
    for listing in glob.glob("/var/lib/dpkg/info/*.list"):
        pkg = os.path.basename(listing)[: -len(".list")].split(":")[0]
        with open(listing, errors="replace") as f:
            for line in f:
                path = line.rstrip("\n")
                if path:
                    owners.setdefault(canonical(path), set()).add(pkg)
    if not owners:
        die("no dpkg file lists in /var/lib/dpkg/info (not a Debian system?)")
    return owners


def base_system_packages():
    """Packages every Debian system has: Essential: yes or Priority: required."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Essential}\t${Priority}\n"],
        capture_output=True, text=True, check=True).stdout
    base = set()
    for line in out.splitlines():
        name, essential, priority = (line.split("\t") + ["", ""])[:3]
        if essential == "yes" or priority == "required":
            base.add(name)
    return base


def depends_closure(roots, with_recommends):
    """Packages reachable from roots through Depends/Pre-Depends (first alternative only)."""
    kinds = {"Depends", "PreDepends"} | ({"Recommends"} if with_recommends else set())
    cmd = ["apt-cache", "depends", "--recurse", "--no-suggests", "--no-conflicts", "--no-breaks",
           "--no-replaces", "--no-enhances"]
    if not with_recommends:
        cmd.append("--no-recommends")
    out = subprocess.run(cmd + sorted(roots), capture_output=True, text=True)
    if out.returncode != 0:
        die("apt-cache depends failed: " + out.stderr.strip())
    # Per package: a list of dependency groups, each the list of its alternatives, each the
    # name (a virtual package's name is followed by its providers).
    graph, providers = {}, {}
    current, group, last_virtual, in_group = None, None, None, False
    for line in out.stdout.splitlines():
        if not line.startswith(" "):
            current = line.strip().strip("<>").split(":")[0]
            graph.setdefault(current, [])
            in_group, last_virtual = False, None
            continue
        m = re.match(r"^ ([ |])(\w+): (.*)$", line)
        if m and current is not None:
            alt, kind, target = m.group(1) == "|", m.group(2), m.group(3).strip()
            virtual = target.startswith("<")
            name = target.strip("<>").split(":")[0]
            last_virtual = name if virtual else None
            if kind not in kinds:
                in_group = alt
                continue
            if not in_group:
                group = []
                graph[current].append(group)
            group.append(name)
            in_group = alt
            continue
        m = re.match(r"^    (\S+)$", line)
        if m and last_virtual is not None:
            providers.setdefault(last_virtual, []).append(m.group(1).split(":")[0])
    seen, todo = set(), list(roots)
    while todo:
        pkg = todo.pop()
        if pkg in seen:
            continue
        seen.add(pkg)
        for deps in graph.get(pkg, []):
            first = deps[0]
            todo.append(first)
            # A virtual package is satisfied by one of its providers: apt picks the first.
            todo.extend(providers.get(first, [])[:1])
    return seen


def cache_entries(build_dir):
    entries = {}
    path = os.path.join(build_dir, "CMakeCache.txt")
    if not os.path.exists(path):
        die(path + " does not exist: configure the build first")
    for line in open(path, errors="replace"):
        m = re.match(r"^([A-Za-z0-9_.+-]+):(PATH|FILEPATH|STRING)=(.*)$", line.rstrip("\n"))
        if m:
            entries[m.group(1)] = (m.group(2), m.group(3))
    return entries


def inside(path, roots):
    path = os.path.realpath(path)
    return any(path == r or path.startswith(r + os.sep) for r in roots)


def is_program(path):
    try:
        st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_mode & 0o111 and not re.search(r"\.(so|a)(\.|$)", path)


def used_files(build_dir, source_dir, programs, with_test_tools):
    """(reason, path) pairs for every system file the build used. Without test tools, the
    programs that only the tests run (cache entries PFVIZ_TEST_*) are left out."""
    own = [os.path.realpath(build_dir), os.path.realpath(source_dir)]
    entries = cache_entries(build_dir)
    used = []
    for name, (kind, value) in sorted(entries.items()):
        if not value or value.endswith("NOTFOUND") or not os.path.isabs(value):
            continue
        if inside(value, own):
            continue
        if kind == "PATH" and name.endswith("_DIR") and os.path.isdir(value):
            configs = [f for f in os.listdir(value)
                       if f.endswith("Config.cmake") or f.endswith("-config.cmake")]
            for c in configs:
                used.append(("CMake config " + name, os.path.join(value, c)))
        elif kind == "FILEPATH" and is_program(value):
            if name.startswith("PFVIZ_TEST_") and not with_test_tools:
                continue
            used.append(("program " + name, value))
    for prog in programs:
        found = shutil.which(prog)
        if not found:
            used.append(("program " + prog + " (not on PATH)", "/nonexistent/" + prog))
        else:
            used.append(("program " + prog, found))
    # Headers: the compiler's dependency lists (Makefile and Ninja generators).
    headers = set()
    for dep in glob.glob(os.path.join(build_dir, "**", "compiler_depend.make"), recursive=True):
        for token in re.findall(r"(/[^\s\\:]+)", open(dep, errors="replace").read()):
            if not inside(token, own) and os.path.exists(token):
                headers.add(token)
    for depfile in glob.glob(os.path.join(build_dir, "**", "*.o.d"), recursive=True):
        for token in re.findall(r"(/[^\s\\:]+)", open(depfile, errors="replace").read()):
            if not inside(token, own) and os.path.exists(token):
                headers.add(token)
    used += [("header", h) for h in sorted(headers)]
    # Libraries named on link lines.
    libs = set()
    for link in glob.glob(os.path.join(build_dir, "**", "link.txt"), recursive=True):
        for token in open(link, errors="replace").read().split():
            if token.startswith("/") and re.search(r"\.(so|a)(\.[0-9.]+)?$", token):
                if not inside(token, own) and os.path.exists(token):
                    libs.add(token)
    # Shared libraries the built programs load.
    for exe in glob.glob(os.path.join(build_dir, "**", "*"), recursive=True):
        if "CMakeFiles" in exe or not is_program(exe) or exe.endswith(".sh"):
            continue
        with open(exe, "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["ldd", exe], capture_output=True, text=True).stdout
        for m in re.finditer(r"=> (/\S+)", out):
            libs.add(m.group(1))
    used += [("library", lib) for lib in sorted(libs)]
    return used


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build_dir")
    ap.add_argument("--deps", default=os.path.join(here, "deps.sh"))
    ap.add_argument("--mode", default="test", choices=["gui", "test"])
    ap.add_argument("--source-dir", default=os.path.dirname(here))
    ap.add_argument("--program", action="append", default=[],
                    help="a program the build or its tests run (looked up on PATH)")
    ap.add_argument("--verbose", action="store_true", help="list every package and why")
    ap.add_argument("--expect-missing", metavar="PKG", action="append", default=[],
                    help="invert: succeed only if the check fails and names PKG as missing "
                         "(to show that the check catches a deps.sh without PKG)")
    args = ap.parse_args()

    listed, no_recommends = packages_from_deps_sh(args.deps, args.mode)
    base = base_system_packages()
    allowed = depends_closure(set(listed) | base, with_recommends=not no_recommends)
    owners = dpkg_file_owners()

    needed = {}  # package -> [(reason, path)]
    unowned = []
    files = used_files(args.build_dir, args.source_dir, args.program, args.mode == "test")
    for reason, path in files:
        candidates = [canonical(path), canonical(os.path.realpath(path))]
        pkgs = set()
        for c in candidates:
            pkgs |= owners.get(c, set())
        if not pkgs:
            unowned.append((reason, path))
            continue
        # A file several packages own (a shared directory, a diverted file): one of them that
        # deps.sh installs is enough.
        key = tuple(sorted(pkgs))
        needed.setdefault(key, []).append((reason, path))

    missing = {k: v for k, v in needed.items() if not set(k) & allowed}
    used_pkgs = sorted({p for k in needed for p in k if p in allowed} | {k[0] for k in missing})
    print("check-deps: %s (%s) installs %d packages; with their Depends: closure and the base "
          "system, %d packages" % (os.path.relpath(args.deps), args.mode, len(listed),
                                   len(allowed)))
    print("check-deps: the build in %s used %d files from %d packages"
          % (args.build_dir, sum(len(v) for v in needed.values()), len(used_pkgs)))
    direct = sorted({p for k in needed for p in k if p in listed})
    print("check-deps: packages named by deps.sh that the build used: " + " ".join(direct))
    if args.verbose:
        for k, v in sorted(needed.items()):
            print("  %s: %s (%s)" % (" | ".join(k), v[0][1], v[0][0]))
    status = 0
    for k, files in sorted(missing.items()):
        status = 1
        shown = ", ".join("%s (%s)" % (p, r) for r, p in files[:3])
        more = " and %d more" % (len(files) - 3) if len(files) > 3 else ""
        print("check-deps: MISSING %s: not installed by %s nor a Depends: of a package it "
              "installs; the build used %s%s" % (" or ".join(k), os.path.relpath(args.deps),
                                                  shown, more))
    for reason, path in unowned:
        status = 1
        print("check-deps: NOT FROM A PACKAGE %s (%s): no Debian package owns it, so a fresh "
              "machine will not have it" % (path, reason))
    print("check-deps: %s" % ("ok" if status == 0 else "FAILED"))
    if args.expect_missing:
        named = {p for k in missing for p in k}
        absent = [p for p in args.expect_missing if p not in named]
        if status == 0 or absent:
            print("check-deps: expected the check to fail naming %s as missing, but it %s"
                  % (", ".join(args.expect_missing),
                     "passed" if status == 0 else "did not name " + ", ".join(absent)))
            return 1
        print("check-deps: as expected, %s fails the check" % os.path.relpath(args.deps))
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
