#!/usr/bin/python3
"""scenario_schema test: scenarios/schema.json against the parser.

1. Every scenarios/*.json (except schema.json) and scenarios/examples/*.json validates against
   the schema; the examples (shown in scenarios/README.md) also pass `pfviz-cli run --check`.
2. The schema's "op" enum equals scenarioOpNames() (printed by pfviz_print_op_names) and the list
   the parser really accepts (read from pfviz-cli's error for an unknown op), and every op has
   its if/then branch.
3. Schema and parser (pfviz-cli validate) agree on small documents, valid and broken ones.

Usage: validate_schema.py --scenario-dir DIR --op-names EXE --cli PFVIZ_CLI
"""
import argparse
import copy
import json
import pathlib
import re
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def base():
    return {
        "format": "pfviz-scenario/1",
        "name": "t",
        "processes": [{"pid": 1}],
        "steps": [{"op": "mmap", "pid": 1, "region": "r", "size": "64 KiB"}],
    }


def with_steps(*steps, **top):
    doc = base()
    doc["steps"] += list(steps)
    doc.update(top)
    return doc


def changed(path, value):
    """base() with one value replaced; path is a list of keys/indices; value None deletes."""
    doc = base()
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


EVERY_OP = with_steps(
    {"op": "spawn", "pid": 2, "name": "other", "uid": 0, "oom_score_adj": -1000,
     "caption": "plain English caption", "pause": True, "label": "spawned"},
    {"op": "mmap", "pid": 1, "region": "m", "size": 8192, "addr": "0x10000000", "prot": "r",
     "populate": True, "shared": False},
    {"op": "malloc", "pid": 1, "region": "small", "size": "100B"},
    {"op": "malloc", "pid": 1, "region": "big", "size": "1MiB"},
    {"op": "free", "pid": 1, "region": "small"},
    {"op": "touch", "pid": 1, "region": "r", "offset": "4 KiB", "length": 8192, "access": "write",
     "pattern": "stride", "stride": 2, "repeat": 3},
    {"op": "touch", "pid": 1, "region": "r", "pattern": "random", "count": 5,
     "access": "read_then_write"},
    {"op": "touch", "pid": 1, "region": "r", "pattern": "reverse", "access": "execute"},
    {"op": "access", "pid": 1, "addr": 4096, "access": "write"},
    {"op": "access", "pid": 1, "addr": "123456"},
    {"op": "populate", "pid": 1, "region": "r", "length": "8k"},
    {"op": "madvise", "pid": 1, "region": "r", "advice": "dontneed", "offset": 0},
    {"op": "mprotect", "pid": 1, "region": "r", "prot": "none"},
    {"op": "munmap", "pid": 1, "region": "r", "offset": "16K", "length": "16 K"},
    {"op": "fork", "pid": 1, "child": 3, "name": "kid"},
    {"op": "switch", "pid": 3},
    {"op": "sleep", "ns": 1000, "pid": 3},
    {"op": "checkpoint", "label": "here", "caption": {"en": "look", "ko": "보세요"}},
    {"op": "exit", "pid": 3,
     "expect": {"faults": {"minor": 0}, "tlb": {"hits": 0}, "memory": {"frames_free": 1},
                "steps": 3, "processes": {"kid": {"state": "exited", "faults": {"minor": 0},
                                                  "tlb": {"misses": 0}},
                                          "1": {"rss_pages": 0, "exit_signal": None}}}},
    {"op": "munmap", "pid": 1, "region": "r"},
    title={"en": "t", "ko": "ㅌ"}, description="d", seed=18446744073709551615,
    machine={"frames": 1024, "page_size": 4096, "paging": "x86-64",
             "tlb": {"entries": 12, "ways": "full", "tagging": "flush", "asid_slots": 1},
             "costs": {"tlb_hit_ns": 2, "walk_level_ns": 0, "minor_fault_ns": 1,
                       "zero_page_read_ns": 1, "zero_page_write_ns": 1, "cow_copy_ns": 1,
                       "cow_reuse_ns": 1, "page_table_alloc_ns": 1, "tlb_flush_page_ns": 1,
                       "tlb_flush_full_ns": 1, "signal_kill_ns": 1, "syscall_ns": 1,
                       "per_page_unmap_ns": 1, "fork_base_ns": 1, "fork_per_pte_ns": 1,
                       "context_switch_ns": 1099511627776},
             "series_bucket_ns": 1},
)
EVERY_OP["$schema"] = "./schema.json"

# (name, document, valid?) -- the schema and the parser must both give the verdict.
CASES = [
    ("minimal", base(), True),
    ("every op and key", EVERY_OP, True),
    ("size 4096 string", changed(["steps", 0, "size"], "4096"), True),
    ("size 16GiB", changed(["steps", 0, "size"], "16GiB"), True),
    ("size 2 M", changed(["steps", 0, "size"], "2 M"), True),
    ("size 1 T", changed(["steps", 0, "size"], "1 T"), True),
    ("memory size", changed(["machine"], {"memory": "16 MiB"}), True),
    ("custom levels", changed(["machine"], {"page_size": "1 KiB", "paging": {"levels": [6, 7, 8]},
                                            "frames": 64}), True),
    ("preset with 4 KiB", changed(["machine"], {"paging": "i386", "page_size": "4 KiB"}), True),
    ("files, file mmap, read, msync, random",
     with_steps({"op": "mmap", "pid": 1, "region": "f", "file": "d", "shared": True,
                 "offset": 4096},
                {"op": "mmap", "pid": 1, "region": "g", "file": "d", "size": 8192, "prot": "r"},
                {"op": "madvise", "pid": 1, "region": "g", "advice": "random"},
                {"op": "read", "pid": 1, "file": "d", "offset": 0, "length": "4 KiB"},
                {"op": "msync", "pid": 1, "region": "f", "length": 4096,
                 "expect": {"page_cache": {"hits": 0, "misses": 0, "pages": 0},
                            "faults": {"sigbus": 0},
                            "processes": {"1": {"rss_file_pages": 0, "rss_anon_pages": 0}}}},
                files=[{"name": "d", "size": "16 KiB"}],
                machine={"read_ahead_kb": 0, "costs": {"file_read_ns": 1}}), True),
    ("offset without file",
     with_steps({"op": "mmap", "pid": 1, "region": "f", "size": 4096, "offset": 0}), False),
    ("file without size", with_steps(files=[{"name": "d"}]), False),
    ("read without file", with_steps({"op": "read", "pid": 1}), False),
    # broken documents
    ("unknown top-level key", changed(["author"], "me"), False),
    ("unknown step key", changed(["steps", 0, "colour"], "red"), False),
    ("key of another op", changed(["steps", 0, "pattern"], "random"), False),
    ("unknown process key", changed(["processes", 0, "ppid"], 1), False),
    ("bad op", changed(["steps", 0, "op"], "mmapp"), False),
    ("missing op", with_steps({"pid": 1}), False),
    ("size 4 KB", changed(["steps", 0, "size"], "4 KB"), False),
    ("size 4 kB", changed(["steps", 0, "size"], "4 kB"), False),
    ("size two spaces", changed(["steps", 0, "size"], "4  KiB"), False),
    ("size trailing space", changed(["steps", 0, "size"], "4 "), False),
    ("size fraction", changed(["steps", 0, "size"], "1.5MiB"), False),
    ("size hex", changed(["steps", 0, "size"], "0x1000"), False),
    ("size zero", changed(["steps", 0, "size"], "0 KiB"), False),
    ("size negative", changed(["steps", 0, "size"], -1), False),
    ("missing size", changed(["steps", 0, "size"], None), False),
    ("address junk", with_steps({"op": "access", "pid": 1, "addr": "0xfoo"}), False),
    ("address too long", with_steps({"op": "access", "pid": 1, "addr": "0x" + "1" * 17}), False),
    ("missing format", changed(["format"], None), False),
    ("wrong format", changed(["format"], "pfviz-scenario/2"), False),
    ("empty name", changed(["name"], ""), False),
    ("no steps", changed(["steps"], []), False),
    ("memory and frames", changed(["machine"], {"memory": "1 MiB", "frames": 256}), False),
    ("too many frames", changed(["machine"], {"frames": 2**26 + 1}), False),
    ("too few frames", changed(["machine"], {"frames": 3}), False),
    ("page size not a power of two", changed(["machine"], {"page_size": 3000}), False),
    ("preset with 8 KiB pages", changed(["machine"], {"paging": "x86-64", "page_size": 8192}),
     False),
    ("unknown preset", changed(["machine"], {"paging": "arm64"}), False),
    ("six levels", changed(["machine"], {"paging": {"levels": [9, 9, 9, 9, 9, 9]}}), False),
    ("level of 13 bits", changed(["machine"], {"paging": {"levels": [13]}}), False),
    ("tlb tagging", changed(["machine"], {"tlb": {"tagging": "pcid"}}), False),
    ("unknown cost", changed(["machine"], {"costs": {"tlb_miss_ns": 1}}), False),
    ("prot twice", changed(["steps", 0, "prot"], "rr"), False),
    ("prot letter", changed(["steps", 0, "prot"], "rq"), False),
    ("prot empty", changed(["steps", 0, "prot"], ""), False),
    ("shared mapping", changed(["steps", 0, "shared"], True), True),
    ("shared mapping not boolean", changed(["steps", 0, "shared"], "yes"), False),
    ("stride without pattern", with_steps({"op": "touch", "pid": 1, "region": "r", "stride": 2}),
     False),
    ("count with stride pattern",
     with_steps({"op": "touch", "pid": 1, "region": "r", "pattern": "stride", "count": 2}), False),
    ("repeat 0", with_steps({"op": "touch", "pid": 1, "region": "r", "repeat": 0}), False),
    ("touch access", with_steps({"op": "touch", "pid": 1, "region": "r", "access": "rw"}), False),
    ("access read_then_write",
     with_steps({"op": "access", "pid": 1, "addr": 0, "access": "read_then_write"}), False),
    ("advice free", with_steps({"op": "madvise", "pid": 1, "region": "r", "advice": "free"}),
     False),
    ("madvise without advice", with_steps({"op": "madvise", "pid": 1, "region": "r"}), False),
    ("mprotect without prot", with_steps({"op": "mprotect", "pid": 1, "region": "r"}), False),
    ("fork without child", with_steps({"op": "fork", "pid": 1}), False),
    ("sleep without ns", with_steps({"op": "sleep"}), False),
    ("exit without pid", with_steps({"op": "exit"}), False),
    ("pid 0", changed(["processes", 0, "pid"], 0), False),
    ("oom_score_adj", changed(["processes", 0, "oom_score_adj"], 1001), False),
    ("caption language", changed(["steps", 0, "caption"], {"en": "a", "fr": "b"}), False),
    ("caption without en", changed(["steps", 0, "caption"], {"ko": "b"}), False),
    ("pause string", changed(["steps", 0, "pause"], "yes"), False),
    ("expect unknown key", changed(["expect"], {"faults": {"minorr": 1}}), False),
    ("expect unknown top key", changed(["expect"], {"rss_pages": 1}), False),
    ("expect process key", changed(["expect"], {"processes": {"1": {"rss": 1}}}), False),
    ("expect process faults key",
     changed(["steps", 0, "expect"], {"processes": {"proc1": {"faults": {"cow": 1}}}}), False),
]


def parser_accepts(cli, doc, workdir):
    path = pathlib.Path(workdir) / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    r = subprocess.run([cli, "validate", str(path)], capture_output=True, text=True)
    if r.returncode not in (0, 2):
        fail(f"pfviz-cli validate exited with {r.returncode}: {r.stderr.strip()}")
    return r.returncode == 0, r.stderr.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario-dir", required=True)
    ap.add_argument("--op-names", required=True, help="pfviz_print_op_names executable")
    ap.add_argument("--cli", required=True, help="pfviz-cli executable")
    args = ap.parse_args()

    scenario_dir = pathlib.Path(args.scenario_dir)
    schema = json.loads((scenario_dir / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    # 1. The scenario files.
    files = sorted(p for p in scenario_dir.glob("*.json") if p.name != "schema.json")
    examples = sorted(scenario_dir.glob("examples/*.json"))
    if not files or not examples:
        fail(f"no scenario files or no examples in {scenario_dir}")
    for path in files + examples:
        name = path.relative_to(scenario_dir)
        doc = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            fail(f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        if not errors:
            print(f"ok: {name} validates against the schema")
    for path in examples:
        # Realistic-size examples (*_large) take seconds, minutes under ASan: load them only.
        verb = ["validate"] if path.stem.endswith("_large") else ["run", "--check"]
        r = subprocess.run([args.cli, verb[0], str(path)] + verb[1:], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"pfviz-cli {' '.join(verb)} {path.name} exited with {r.returncode}: {r.stderr}")
        else:
            print(f"ok: pfviz-cli {' '.join(verb)} examples/{path.name}")

    # 2. Operation names.
    schema_ops = schema["$defs"]["step"]["properties"]["op"]["enum"]
    out = subprocess.run([args.op_names], capture_output=True, text=True, check=True).stdout
    parser_ops = json.loads(out)
    if schema_ops != parser_ops:
        fail(f"schema op enum {schema_ops} != scenarioOpNames() {parser_ops}")
    else:
        print(f"ok: schema ops == scenarioOpNames() ({len(parser_ops)} ops)")
    with tempfile.TemporaryDirectory() as tmp:
        accepted, message = parser_accepts(args.cli, changed(["steps", 0, "op"], "no-such-op"), tmp)
        m = re.search(r"steps\[0\]\.op: expected one of: (.*)$", message)
        if accepted or not m:
            fail(f"unexpected parser answer for an unknown op: {message!r}")
        elif m.group(1).split(", ") != parser_ops:
            fail(f"the parser accepts ops {m.group(1)} but scenarioOpNames() is {parser_ops}")
        else:
            print("ok: the parser accepts exactly scenarioOpNames()")
    branches = [b["if"]["properties"]["op"]["const"] for b in schema["$defs"]["step"]["allOf"]]
    if sorted(branches) != sorted(schema_ops):
        fail(f"if/then branches {branches} != op enum {schema_ops}")

    # 3. Schema and parser agree.
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc, valid in CASES:
            schema_ok = validator.is_valid(doc)
            parser_ok, message = parser_accepts(args.cli, copy.deepcopy(doc), tmp)
            if schema_ok != valid:
                first = next(iter(validator.iter_errors(doc)), None)
                fail(f"case '{name}': schema says {'valid' if schema_ok else 'invalid'}"
                     + (f" ({first.message})" if first else ""))
            if parser_ok != valid:
                fail(f"case '{name}': parser says {'valid' if parser_ok else 'invalid'}"
                     + (f" ({message})" if message else ""))
        print(f"ok: {len(CASES)} documents checked with the schema and the parser")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("scenario_schema: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
