#!/usr/bin/env python3
"""Compares `airlock parse --format json` with the HashiCorp reference (`hclref`).

Usage: compare-parse.py REFERENCE.json AIRLOCK.json

For every file: the error/no-error verdict must agree. Where the reference reports no
error, the whole tree must be identical: blocks, attributes, every range, and (when both
outputs carry them) the expression trees. Where it reports errors, the partial trees are
compared too but a difference there is listed separately and does not fail the run.
Prints one line per disagreement and a summary; exits 1 on any failing disagreement.
"""
import json
import sys

IGNORED_KEYS = {"diagnostics", "code"}


def first_difference(a, b, path="$"):
    if type(a) != type(b):
        return f"{path}: {json.dumps(a)[:120]} != {json.dumps(b)[:120]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k in IGNORED_KEYS:
                continue
            if k not in a or k not in b:
                if k == "expr":  # one side was run without expression trees
                    continue
                return f"{path}.{k}: present on one side only"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:120]} != {json.dumps(b)[:120]}"


def has_errors(f):
    return any(d["severity"] == "error" for d in f["diagnostics"])


def main():
    ref = {f["path"]: f for f in json.load(open(sys.argv[1], encoding="utf-8"))}
    ours = {f["path"]: f for f in json.load(open(sys.argv[2], encoding="utf-8"))}
    failures, soft, agree = [], [], 0
    for path in sorted(ref):
        if path not in ours:
            failures.append(f"{path}: missing from Airlock's output")
            continue
        r, o = ref[path], ours[path]
        if has_errors(r) != has_errors(o):
            what = "reference" if has_errors(r) else "Airlock"
            diag = (r if has_errors(r) else o)["diagnostics"][0]
            rng = diag.get("range") or {"start": {"line": 0, "column": 0}}
            failures.append(
                f"{path}: verdict differs: only {what} reports an error: "
                f"{diag['summary']} at {rng['start']['line']}:{rng['start']['column']}")
            continue
        d = first_difference(r, o)
        if d and not has_errors(r):
            failures.append(f"{path}: {d}")
        elif d:
            soft.append(f"{path}: (both have errors) {d}")
        else:
            agree += 1
    for line in failures:
        print("FAIL " + line)
    for line in soft:
        print("note " + line)
    total = len(ref)
    print(f"{agree} of {total} files identical, {total - len(failures)} of {total} agree "
          f"({100.0 * (total - len(failures)) / max(total, 1):.1f}%), {len(failures)} failing, "
          f"{len(soft)} partial trees of erroneous files differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
