#!/usr/bin/env python3
"""Regenerate Tests/TerraformTests/Cases/functions/expected/<family>.json by
evaluating every case of cases/<family>.txt with real Terraform.

Called by scripts/gen-function-cases.sh, which checks for terraform, writes an
empty CLI config and sets TF_CLI_CONFIG_FILE / CHECKPOINT_DISABLE; see the
header of that script for the file formats. Standard library only.

Per family:
  1. A temporary root module gets one output per case, `sensitive = true`,
     whose value is the case's expression wrapped in a one-element tuple
     `[ <expr> ]`. The wrapper keeps null results (Terraform drops null root
     outputs from state) and their type; it changes neither the value nor the
     type of the element, and its error diagnostics are those of <expr>.
     The fixtures (files/) are copied next to main.tf, so relative paths and
     path.module (".") resolve as in the case directory.
  2. `terraform apply -json` runs; every error diagnostic is mapped, by the
     line of its range, back to the case whose output block contains it. Each
     such case is re-run alone (its own module) and the diagnostics of that
     isolated run are the ones recorded; a case that succeeds alone is put
     back. The remaining cases are applied again until apply succeeds.
  3. `terraform output -json` gives each output's cty type and value. Numbers
     are kept as the exact text Terraform printed (RawNumber below), never
     converted to float, and written back verbatim.
  4. A second module holds the successful cases without `sensitive = true`;
     its plan reports "Output refers to sensitive values" for exactly the
     cases whose result carries a sensitive mark anywhere (deep), which is
     what "sensitive" records.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ERRORS_FAMILY = "errors"


class RawNumber(str):
    """A JSON number kept as the exact text of the source document."""


def load_json(text):
    return json.loads(text, parse_float=RawNumber, parse_int=RawNumber)


def dump_json(value, level=0):
    pad = "  " * (level + 1)
    end = "  " * level
    if isinstance(value, RawNumber):
        return str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [pad + dump_json(v, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + json.dumps(k, ensure_ascii=False) + ": " + dump_json(v, level + 1)
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    raise TypeError("cannot serialize %r" % (value,))


def die(msg):
    print("gen-function-cases: error: " + msg, file=sys.stderr)
    sys.exit(2)


NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def parse_cases(path):
    """name<TAB>expression per line; lines starting with '#' and blank lines
    are skipped; a line starting with a TAB continues the previous case's
    expression (joined with a newline, the leading TAB removed), which is how
    heredocs are written."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("\t"):
                if not cases:
                    die("%s:%d: continuation line before any case" % (path, lineno))
                cases[-1]["expr"] += "\n" + line[1:]
                continue
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                die("%s:%d: expected name<TAB>expression" % (path, lineno))
            name, expr = line.split("\t", 1)
            if not NAME_RE.match(name):
                die("%s:%d: bad case name %r" % (path, lineno, name))
            if not expr.strip():
                die("%s:%d: empty expression" % (path, lineno))
            cases.append({"name": name, "expr": expr, "line": lineno})
    return cases


class Workspace:
    """A root module directory with the fixtures next to it."""

    def __init__(self, parent, label, files_dir):
        self.dir = os.path.join(parent, label)
        os.makedirs(self.dir)
        if os.path.isdir(files_dir):
            shutil.copytree(files_dir, os.path.join(self.dir, "files"), symlinks=True)
        self.initialized = False

    def write(self, cases, sensitive):
        """Write main.tf; return {line -> case index} for every line of every
        output block."""
        lines = []
        owner = {}
        for i, c in enumerate(cases):
            block = ["output \"c%04d\" {" % i]
            if sensitive:
                block.append("  sensitive = true")
            block.append("  value = [")
            block.extend(c["expr"].split("\n"))
            block.append("  ]")
            block.append("}")
            block.append("")
            for text in block:
                lines.append(text)
                owner[len(lines)] = i
        with open(os.path.join(self.dir, "main.tf"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        for stale in ("terraform.tfstate", "terraform.tfstate.backup"):
            p = os.path.join(self.dir, stale)
            if os.path.exists(p):
                os.remove(p)
        return owner

    def run(self, *args):
        return subprocess.run(["terraform"] + list(args), cwd=self.dir,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, encoding="utf-8")

    def init(self):
        if self.initialized:
            return
        r = self.run("init", "-input=false", "-no-color")
        if r.returncode != 0:
            die("terraform init failed in %s:\n%s%s" % (self.dir, r.stdout, r.stderr))
        self.initialized = True


def diagnostics(stdout):
    """Error diagnostics from a -json UI stream."""
    out = []
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if msg.get("type") != "diagnostic":
            continue
        d = msg.get("diagnostic", {})
        if d.get("severity") == "error":
            out.append(d)
    return out


def clean_detail(detail, ws_dir):
    # A panic inside a function carries a goroutine dump with addresses: keep
    # only the message before it. Absolute temp paths become <moduledir>.
    cut = detail.find("\ngoroutine ")
    if cut >= 0:
        detail = detail[:cut].rstrip()
    return detail.replace(os.path.realpath(ws_dir), "<moduledir>").replace(ws_dir, "<moduledir>")


def apply_cases(ws, cases):
    """Apply the cases; return (ok, diags-by-case-index, unmapped, raw output)."""
    owner = ws.write(cases, sensitive=True)
    ws.init()
    r = ws.run("apply", "-auto-approve", "-input=false", "-json")
    diags = diagnostics(r.stdout)
    by_case = {}
    unmapped = []
    for d in diags:
        rng = d.get("range") or {}
        line = (rng.get("start") or {}).get("line")
        if rng.get("filename") == "main.tf" and line in owner:
            by_case.setdefault(owner[line], []).append(d)
        else:
            unmapped.append(d)
    ok = r.returncode == 0 and not diags
    if r.returncode != 0 and not diags:
        unmapped.append({"summary": "terraform apply failed without diagnostics",
                         "detail": r.stdout + r.stderr})
    return ok, by_case, unmapped


def read_outputs(ws):
    r = ws.run("output", "-json", "-no-color")
    if r.returncode != 0:
        die("terraform output -json failed:\n%s%s" % (r.stdout, r.stderr))
    return load_json(r.stdout)


def isolated_error(ws, case):
    """Run one case alone; return its first error diagnostic, or None if it
    succeeds."""
    ok, by_case, unmapped = apply_cases(ws, [case])
    if ok:
        return None
    diags = by_case.get(0, []) + unmapped
    return diags[0]


def sensitive_cases(ws, cases):
    owner = ws.write(cases, sensitive=False)
    ws.init()
    r = ws.run("plan", "-input=false", "-json", "-refresh=false")
    found = set()
    for d in diagnostics(r.stdout):
        rng = d.get("range") or {}
        line = (rng.get("start") or {}).get("line")
        if d.get("summary") == "Output refers to sensitive values" and line in owner:
            found.add(owner[line])
        else:
            die("unexpected diagnostic while checking sensitivity: %s: %s"
                % (d.get("summary"), d.get("detail")))
    if r.returncode != 0 and not found:
        die("terraform plan failed while checking sensitivity:\n%s%s" % (r.stdout, r.stderr))
    return found


def run_family(family, cases, tmp, files_dir):
    batch = Workspace(tmp, family + "-batch", files_dir)
    alone = Workspace(tmp, family + "-alone", files_dir)
    errors = {}          # case name -> diagnostic
    pending = list(cases)
    outputs = {}
    for _ in range(len(cases) + 2):
        ok, by_case, unmapped = apply_cases(batch, pending)
        if ok:
            raw = read_outputs(batch)
            for i, c in enumerate(pending):
                key = "c%04d" % i
                if key not in raw:
                    die("%s: output for case %s missing from terraform output -json"
                        % (family, c["name"]))
                outputs[c["name"]] = raw[key]
            break
        if unmapped:
            msgs = "\n".join("  %s: %s" % (d.get("summary"), d.get("detail")) for d in unmapped)
            die("%s: diagnostics that belong to no case (a case that does not parse, "
                "or a value Terraform cannot store, like 1/0 = +Inf):\n%s" % (family, msgs))
        retry = []
        for i, c in enumerate(pending):
            if i in by_case:
                d = isolated_error(alone, c)
                if d is not None:
                    errors[c["name"]] = d
                    continue
            retry.append(c)
        if len(retry) == len(pending):
            die("%s: apply keeps failing but no case fails alone" % family)
        pending = retry
        if not pending:
            break
    else:
        die("%s: gave up after too many retries" % family)

    sens = set()
    if pending:
        sens_idx = sensitive_cases(batch, pending)
        sens = {pending[i]["name"] for i in sens_idx}

    records = []
    misplaced = []
    for c in cases:
        rec = {"name": c["name"], "expr": c["expr"]}
        if c["name"] in errors:
            d = errors[c["name"]]
            rec["error"] = {"summary": d.get("summary", ""),
                            "detail": clean_detail(d.get("detail", ""), alone.dir)}
            if family != ERRORS_FAMILY:
                misplaced.append("%s/%s failed: %s: %s" % (family, c["name"], rec["error"]["summary"],
                                                          rec["error"]["detail"]))
        else:
            out = outputs[c["name"]]
            typ = out["type"]
            if not (isinstance(typ, list) and len(typ) == 2 and typ[0] == "tuple"
                    and len(typ[1]) == 1 and isinstance(out["value"], list) and len(out["value"]) == 1):
                die("%s/%s: unexpected wrapper shape %r" % (family, c["name"], typ))
            rec["type"] = typ[1][0]
            rec["value"] = out["value"][0]
            rec["sensitive"] = c["name"] in sens
            if family == ERRORS_FAMILY:
                misplaced.append("%s/%s succeeded (expected an error)" % (family, c["name"]))
        records.append({k: rec[k] for k in sorted(rec)})
    return records, len(errors), misplaced


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases-dir", required=True, help="Tests/TerraformTests/Cases/functions")
    ap.add_argument("--out", required=True, help="directory for <family>.json")
    ap.add_argument("--tmp", required=True, help="scratch directory")
    ap.add_argument("families", nargs="*")
    args = ap.parse_args()

    cases_dir = os.path.abspath(args.cases_dir)
    files_dir = os.path.join(cases_dir, "files")
    all_families = sorted(f[:-4] for f in os.listdir(os.path.join(cases_dir, "cases"))
                          if f.endswith(".txt"))
    families = args.families or all_families
    for fam in families:
        if fam not in all_families:
            die("no such family: %s (have: %s)" % (fam, ", ".join(all_families)))

    parsed = {}
    seen = {}
    for fam in all_families:
        parsed[fam] = parse_cases(os.path.join(cases_dir, "cases", fam + ".txt"))
        for c in parsed[fam]:
            if c["name"] in seen:
                die("duplicate case name %s (%s and %s)" % (c["name"], seen[c["name"]], fam))
            seen[c["name"]] = fam

    os.makedirs(args.out, exist_ok=True)
    misplaced = []
    total = 0
    started = time.time()
    for fam in families:
        t0 = time.time()
        records, nerr, bad = run_family(fam, parsed[fam], args.tmp, files_dir)
        misplaced += bad
        total += len(records)
        with open(os.path.join(args.out, fam + ".json"), "w", encoding="utf-8") as f:
            f.write(dump_json(records) + "\n")
        print("gen-function-cases: %-12s %4d cases (%d ok, %d errors) %.1fs"
              % (fam, len(records), len(records) - nerr, nerr, time.time() - t0), file=sys.stderr)
    print("gen-function-cases: %d cases in %.1fs" % (total, time.time() - started), file=sys.stderr)
    if misplaced:
        print("gen-function-cases: cases in the wrong family (errors belong in errors.txt, "
              "everything in errors.txt must fail):", file=sys.stderr)
        for m in misplaced:
            print("  " + m, file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
