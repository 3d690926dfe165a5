#!/usr/bin/env python3
"""Agreement between Airlock's checks and the Checkov checks they name as aliases.

usage: compare_checkov.py --airlock BIN --checkov BIN [--work DIR] [--jobs N]
                          [--reuse-checkov] [--only NAME ...] [TARGET ...]

Run by scripts/compare-checkov.sh, which finds the binaries. For every target (a directory
of .tf files, or a plan JSON written by `terraform show -json`) it runs

    checkov -d DIR --framework terraform -o json --skip-download      (-f PLAN --framework terraform_plan)
    airlock scan DIR --format json                                    (airlock scan PLAN)
    airlock eval DIR --format json                                    (what Airlock saw: every instance)

and, for each Airlock check with Checkov aliases, compares the set of resources that
Checkov fails under those aliases with the set Airlock fails: both, Airlock only, Checkov
only. (`--quiet` is left off Checkov on purpose: its passed checks tell a resource Checkov
passed from one it never evaluated.)

Addresses are compared at the granularity Checkov reports. Checkov expands some
`for_each` resources (`aws_s3_bucket.this["logs"]`) and leaves others, and `count`, as
the bare resource (`aws_s3_bucket.this`); Terraform and Airlock always name instances. So
for every resource, instance keys are kept only where Checkov itself wrote keys for that
resource in that target, on both sides, and a resource fails if any of its instances fails.

With no TARGET, the targets are the fixture corpus: every `Tests/Corpus/eval/*` directory
and its `plan.json`, and every `Tests/Corpus/hcl2` directory that holds .tf files.
Variable inputs in `airlock.args` / `airlock.env` (see Tests/Corpus/eval/README.md) are
given to Airlock as Terraform takes them; Checkov gets the `-var-file` ones (it has no
`-var` and reads no `TF_VAR_*`).

Writes WORK/compare-checkov.json (the tables and every disagreement, for machines) and
prints the text report. Exits 0 whatever the agreement: it measures, it does not gate.
"""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


# ---------------------------------------------------------------- targets
class Target:
    def __init__(self, name, path, kind, args=(), env=None):
        self.name = name  # e.g. "eval/01-s3-bucket-basic" or "eval/01-s3-bucket-basic (plan)"
        self.path = path
        self.kind = kind  # "dir" or "plan"
        self.args = list(args)
        self.env = dict(env or {})

    @property
    def slug(self):
        return re.sub(r"[^A-Za-z0-9_.-]+", "_", self.name)


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.lstrip().startswith("#")]


def corpus_targets():
    targets = []
    for d in sorted(glob.glob(os.path.join(ROOT, "Tests/Corpus/eval/*/"))):
        d = d.rstrip("/")
        name = "eval/" + os.path.basename(d)
        args = read_lines(os.path.join(d, "airlock.args"))
        env = dict(line.split("=", 1) for line in read_lines(os.path.join(d, "airlock.env")))
        targets.append(Target(name, d, "dir", args, env))
        if os.path.exists(os.path.join(d, "plan.json")):
            targets.append(Target(name + " (plan)", os.path.join(d, "plan.json"), "plan"))
    hcl2 = os.path.join(ROOT, "Tests/Corpus/hcl2")
    dirs = sorted({os.path.dirname(p) for p in glob.glob(os.path.join(hcl2, "**/*.tf"), recursive=True)})
    for d in dirs:
        targets.append(Target("hcl2/" + os.path.relpath(d, hcl2), d, "dir"))
    return targets


def explicit_targets(paths):
    targets = []
    for p in paths:
        p = os.path.abspath(p)
        kind = "dir" if os.path.isdir(p) else "plan"
        targets.append(Target(os.path.relpath(p, ROOT), p, kind))
    return targets


# ---------------------------------------------------------------- running the tools
def run(cmd, cwd, env_extra, out_path):
    env = dict(os.environ)
    env.update(env_extra)
    env.setdefault("LOG_LEVEL", "ERROR")
    tmp = f"{out_path}.{os.getpid()}.tmp"
    with open(tmp, "w") as out, open(out_path + ".stderr", "w") as err:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
    os.replace(tmp, out_path)
    return proc.returncode


def checkov_command(checkov, t):
    if t.kind == "plan":
        return [checkov, "-f", t.path, "--framework", "terraform_plan", "-o", "json", "--skip-download"]
    cmd = [checkov, "-d", t.path, "--framework", "terraform", "-o", "json", "--skip-download"]
    for a in t.args:
        if a.startswith("-var-file="):
            cmd += ["--var-file", os.path.join(t.path, a.split("=", 1)[1])]
    return cmd


def airlock_args(t):
    out = []
    for a in t.args:
        if a.startswith("-var-file="):
            out += ["--var-file", os.path.join(t.path, a.split("=", 1)[1])]
        elif a.startswith("-var="):
            out += ["--var", a.split("=", 1)[1]]
    return out


def run_target(t, opts):
    paths = {k: os.path.join(opts.work, k, t.slug + ".json") for k in ("checkov", "airlock", "airlock-eval")}
    cwd = t.path if t.kind == "dir" else os.path.dirname(t.path)
    if not (opts.reuse_checkov and os.path.exists(paths["checkov"])):
        run(checkov_command(opts.checkov, t), cwd, t.env, paths["checkov"])
    run([opts.airlock, "scan", t.path, "--format", "json"] + airlock_args(t), cwd, t.env, paths["airlock"])
    run([opts.airlock, "eval", t.path, "--format", "json"] + airlock_args(t), cwd, t.env, paths["airlock-eval"])
    return paths


def load_json(path):
    try:
        with open(path) as f:
            text = f.read()
        return json.loads(text) if text.strip() else None
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------- addresses
SEGMENT = re.compile(r'([A-Za-z_][A-Za-z0-9_-]*)(\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\])?')


def parse_address(addr):
    """`module.a["k"].aws_s3_bucket.b[0]` -> (("module","a",'"k"'), ("aws_s3_bucket","b","0"))."""
    tokens = []
    pos = 0
    while pos < len(addr):
        m = SEGMENT.match(addr, pos)
        if not m:
            return ((addr, "", None),)
        key = m.group(2)[1:-1] if m.group(2) else None
        tokens.append((m.group(1), key))
        pos = m.end()
        if pos < len(addr) and addr[pos] == ".":
            pos += 1
    segments = []
    i = 0
    while i < len(tokens):
        word, key = tokens[i]
        if word in ("module", "data") and i + 1 < len(tokens):
            if word == "data" and i + 2 < len(tokens):
                segments.append(("data." + tokens[i + 1][0], tokens[i + 2][0], tokens[i + 2][1]))
                i += 3
                continue
            segments.append((word, tokens[i + 1][0], tokens[i + 1][1]))
            i += 2
            continue
        if i + 1 < len(tokens):
            segments.append((word, tokens[i + 1][0], tokens[i + 1][1]))
            i += 2
        else:
            segments.append((word, "", key))
            i += 1
    return tuple(segments)


def render(segments):
    parts = []
    for kind, name, key in segments:
        text = f"{kind}.{name}" if name else kind
        parts.append(text + (f"[{key}]" if key is not None else ""))
    return ".".join(parts)


def base(segments):
    return tuple((k, n, None) for k, n, _ in segments)


def project(segments, shape):
    return tuple((k, n, key if keep else None) for (k, n, key), keep in zip(segments, shape))


def checkov_catalog(checkov, work):
    """{check_id: {"resource": set(types), "data": set(types), ...}} from `checkov --list`."""
    cache = os.path.join(work, "checkov-list.txt")
    if not os.path.exists(cache):
        proc = subprocess.run([checkov, "--list", "--framework", "terraform", "--skip-download"],
                              capture_output=True, text=True)
        with open(cache, "w") as f:
            f.write(proc.stdout)
    entities = {}
    with open(cache) as f:
        for line in f:
            cells = [c.strip() for c in line.split("|")]
            if len(cells) < 5 or not re.fullmatch(r"CKV2?_\w+", cells[2]):
                continue
            entities.setdefault(cells[2], {}).setdefault(cells[3], set()).add(cells[4])
    return entities


def normalise_provider(addr):
    """Checkov names the default AWS provider `aws.default`, an alias `aws.NAME`."""
    m = re.fullmatch(r'provider\["[^"]*/([^"/]+)"\](?:\.(\w+))?', addr)
    if m:
        return f"provider.{m.group(1)}" + (f".{m.group(2)}" if m.group(2) else "")
    m = re.fullmatch(r"(aws|google|azurerm)\.(\w+)", addr)
    if m:
        return f"provider.{m.group(1)}" + ("" if m.group(2) == "default" else f".{m.group(2)}")
    return addr


# ---------------------------------------------------------------- reading results
def checkov_results(doc, entities):
    """{check_id: {"failed": set(addr), "passed": set, "skipped": set}}, plus dropped count."""
    reports = doc if isinstance(doc, list) else [doc] if isinstance(doc, dict) else []
    by_check = {}
    dropped = 0
    for report in reports:
        results = report.get("results") if isinstance(report, dict) else None
        if not isinstance(results, dict):
            continue
        for status in ("failed", "passed", "skipped"):
            for r in results.get(status + "_checks", []) or []:
                addr = r.get("resource_address") or r.get("resource") or ""
                file_path = r.get("file_path") or ""
                # Checkov scans subdirectories too; a module directory that no module block
                # calls is reported as if it were a root. Airlock scans only the root module
                # it is given (and the modules it calls), so those results are left out.
                if report.get("check_type") == "terraform" and not addr.startswith("module.") \
                        and file_path.count("/") > 1:
                    dropped += 1
                    continue
                addr = with_data_prefix(normalise_provider(addr), entities.get(r["check_id"], {}))
                entry = by_check.setdefault(r["check_id"], {"failed": set(), "passed": set(), "skipped": set()})
                entry[status].add(addr)
    return by_check, dropped


def with_data_prefix(addr, entity):
    """Checkov names a data block `aws_iam_policy_document.x`; Terraform and Airlock `data.aws_...`."""
    segs = parse_address(addr)
    if segs and not segs[-1][0].startswith("data.") and segs[-1][0] in entity.get("data", ()) \
            and segs[-1][0] not in entity.get("resource", ()):
        segs = segs[:-1] + (("data." + segs[-1][0],) + segs[-1][1:],)
        return render(segs)
    return addr


def airlock_results(doc):
    """{check_id: {status: {addr: finding}}}."""
    by_check = {}
    for f in (doc or {}).get("findings", []):
        addr = normalise_provider(f["resource"])
        by_check.setdefault(f["id"], {}).setdefault(f["status"], {})[addr] = f
    return by_check


def airlock_inventory(doc):
    """{address: type} of every instance Airlock evaluated."""
    if isinstance(doc, dict):
        doc = doc.get("instances") or doc.get("resources") or []
    return {i["address"]: i.get("type", "") for i in (doc or []) if isinstance(i, dict) and "address" in i}


def catalog(airlock):
    proc = subprocess.run([airlock, "checks", "--format", "json"], capture_output=True, text=True)
    if proc.returncode == 0:
        try:
            return {c["id"]: c for c in json.loads(proc.stdout)}
        except ValueError:
            pass
    return None


# ---------------------------------------------------------------- comparing
class View:
    """One target's results, with Checkov's address shapes."""

    def __init__(self, target, paths, entities, problems):
        self.target = target
        ck_doc = load_json(paths["checkov"])
        al_doc = load_json(paths["airlock"])
        if ck_doc is None:
            problems.append({"target": target.name, "tool": "checkov", "problem": "no JSON output",
                             "stderr": tail(paths["checkov"] + ".stderr")})
        if al_doc is None:
            problems.append({"target": target.name, "tool": "airlock", "problem": "no JSON output",
                             "stderr": tail(paths["airlock"] + ".stderr")})
        codes = {}
        for d in (al_doc or {}).get("diagnostics", []):
            if d.get("severity") == "error":
                codes[d.get("code")] = codes.get(d.get("code"), 0) + 1
        if codes:
            problems.append({"target": target.name, "tool": "airlock", "problem": "evaluation errors: " +
                             ", ".join(f"{c} x{n}" for c, n in sorted(codes.items()))})
        self.ok = al_doc is not None
        self.ck, self.dropped = checkov_results(ck_doc, entities) if ck_doc is not None else ({}, 0)
        self.al = airlock_results(al_doc)
        self.inventory = airlock_inventory(load_json(paths["airlock-eval"]))
        # The key shape Checkov uses for each resource in this target, over all its checks.
        self.shapes = {}
        for entry in self.ck.values():
            for addrs in entry.values():
                for a in addrs:
                    segs = parse_address(a)
                    b = base(segs)
                    has = tuple(k is not None for _, _, k in segs)
                    old = self.shapes.get(b)
                    self.shapes[b] = has if old is None else tuple(x and y for x, y in zip(old, has))

    def proj(self, addr):
        segs = parse_address(addr)
        return render(project(segs, self.shapes.get(base(segs), tuple(False for _ in segs))))

    def airlock_status(self, cid, proj):
        """Airlock's verdict per projected address: failed > unknown > suppressed."""
        out = {}
        for status in ("suppressed", "unknown", "failed"):
            for a in self.al.get(cid, {}).get(status, {}):
                out[proj(a)] = status
        return out


CLASSES = {
    "airlock bug": "Airlock is wrong; to be fixed",
    "checkov wrong": "evaluation (or Terraform's plan) shows Checkov is wrong",
    "checkov blind": "Checkov did not evaluate the resource (it drops a check whose values it cannot resolve)",
    "policy difference": "both readings are defensible; Airlock's is deliberate",
    "scope": "the two checks cover different resource types",
    "anchor": "the same problem, reported on another resource of the same construct",
    "unclassified": "not yet explained",
}


def related(airlock_side, checkov_side):
    """Whether two findings of one check name one problem on different resources."""
    a, a_message = airlock_side
    c = checkov_side
    # The Airlock message names the resource Checkov flags ("... through aws_vpc_security_group_
    # ingress_rule.app["ssh"]"); a bare address must not match a keyed one.
    if re.search(re.escape(c) + r'(?![\w\["])', a_message):
        return True
    sa, sc = parse_address(a), parse_address(c)
    if len(sa) != len(sc) or base(sa[:-1]) != base(sc[:-1]):
        return False
    (ta, na, _), (tc, nc, _) = sa[-1], sc[-1]
    return na == nc and ta != tc and (ta.startswith(tc) or tc.startswith(ta))


def apply_rules(d, rules):
    for rule in rules:
        if rule["check"] != d["check"]:
            continue
        if rule.get("flagged_by") and rule["flagged_by"] != d["flagged_by"]:
            continue
        if rule.get("target") and rule["target"] not in d["target"]:
            continue
        if rule.get("resource") and not re.search(rule["resource"], d["resource"]):
            continue
        if rule.get("other_side") and rule["other_side"] not in d["other_side"]:
            continue
        return rule
    return None


def compare(targets, outputs, checks, entities, rules):
    rows = {cid: {"id": cid, "aliases": c["aliases"], "title": c.get("title", ""), "agree": 0, "agree_pass": 0,
                  "ours_only": 0, "theirs_only": 0, "ours_unknown": 0, "targets": 0}
            for cid, c in checks.items() if c.get("aliases")}
    problems = []
    views = {t.name: View(t, outputs[t.name], entities, problems) for t in targets}
    disagreements, unknowns = [], []
    for t in targets:
        v = views[t.name]
        if not v.ok:
            continue
        # The same configuration's other form: a directory's plan, a plan's directory. Their
        # addresses are compared at the directory's (coarser) granularity.
        twin = views.get(t.name + " (plan)") if t.kind == "dir" else views.get(t.name[:-len(" (plan)")])
        dir_view = v if t.kind == "dir" else twin
        for cid, row in rows.items():
            meta = checks[cid]
            types = set(meta.get("resource_types") or [])
            theirs = {"failed": set(), "passed": set(), "skipped": set()}
            covered = set()
            for alias in row["aliases"]:
                for status, addrs in v.ck.get(alias, {}).items():
                    theirs[status] |= {v.proj(a) for a in addrs}
                for kind in ("resource", "data"):
                    covered |= {("data." if kind == "data" else "") + ty for ty in entities.get(alias, {}).get(kind, ())}
            theirs["passed"] -= theirs["failed"]
            ours = v.airlock_status(cid, v.proj)
            ours_failed = {r for r, st in ours.items() if st == "failed"}
            if not (theirs["failed"] or theirs["passed"] or ours):
                continue
            row["targets"] += 1
            row["agree"] += len(theirs["failed"] & ours_failed)
            row["agree_pass"] += len(theirs["passed"] - set(ours))
            projected_inventory = {}
            for a, ty in v.inventory.items():
                projected_inventory.setdefault(v.proj(a), set()).add(ty)
            twin_airlock = twin.airlock_status(cid, dir_view.proj) if twin and twin.ok else None
            twin_checkov = {dir_view.proj(a) for alias in row["aliases"] for a in twin.ck.get(alias, {}).get("failed", ())} \
                if twin else None
            plan_instances = {v.proj(a) for a in twin.inventory} if twin and t.kind == "dir" else None
            twin_name = "plan" if t.kind == "dir" else "config"

            def with_twin(d, r):
                if twin_airlock is None:
                    return
                key = dir_view.proj(r)
                d[f"airlock_on_{twin_name}"] = twin_airlock.get(key, "not failed")
                d[f"checkov_on_{twin_name}"] = "failed" if key in twin_checkov else "not failed"
            found = []
            for r in sorted(ours_failed - theirs["failed"]):
                f = first_finding(v.al[cid]["failed"], r, v.proj)
                other = "passed" if r in theirs["passed"] else "skipped" if r in theirs["skipped"] else "not evaluated"
                d = {"check": cid, "aliases": row["aliases"], "target": t.name, "resource": r,
                     "resource_type": f.get("resource_type", ""), "flagged_by": "airlock", "other_side": f"checkov {other}",
                     "airlock_message": f.get("message", ""), "airlock_path": f.get("path", ""), "file": rel(f.get("file"))}
                with_twin(d, r)
                row["ours_only"] += 1
                found.append(d)
            for r in sorted(theirs["failed"] - ours_failed):
                st = ours.get(r)
                if st == "unknown":
                    row["ours_unknown"] += 1
                    f = first_finding(v.al[cid]["unknown"], r, v.proj)
                    unknowns.append({"check": cid, "aliases": row["aliases"], "target": t.name, "resource": r,
                                     "unknown": f.get("unknown", []), "message": f.get("message", "")})
                    continue
                if st == "suppressed":
                    other = "suppressed"
                elif r in projected_inventory:
                    other = "passed" if (not types or projected_inventory[r] & types) else \
                        "not applicable (type " + ",".join(sorted(projected_inventory[r])) + ")"
                else:
                    other = "no such instance"
                d = {"check": cid, "aliases": row["aliases"], "target": t.name, "resource": r,
                     "flagged_by": "checkov", "other_side": f"airlock {other}"}
                with_twin(d, r)
                # Plans list managed resources; data sources read at plan time are not there.
                if plan_instances is not None and not any(k.startswith("data.") for k, _, _ in parse_address(r)):
                    d["in_terraform_plan"] = r in plan_instances
                row["theirs_only"] += 1
                found.append(d)
            classify(found, covered, rules, theirs["failed"])
            disagreements += found
    table = sorted(rows.values(), key=lambda r: r["id"])
    mismatches = config_plan_mismatches(targets, views)
    agree = sum(r["agree"] for r in table)
    ours = sum(r["ours_only"] for r in table)
    theirs = sum(r["theirs_only"] for r in table)
    by_class = {}
    for d in disagreements:
        by_class[d["class"]] = by_class.get(d["class"], 0) + 1
    return {
        "checks": table,
        "overall": {
            "checks_with_aliases": len(table),
            "checks_compared": sum(1 for r in table if r["targets"]),
            "agree": agree, "ours_only": ours, "theirs_only": theirs,
            "ours_unknown": sum(r["ours_unknown"] for r in table),
            "agree_pass": sum(r["agree_pass"] for r in table),
            "agreement_rate": round(agree / (agree + ours + theirs), 4) if agree + ours + theirs else None,
            "disagreements_by_class": dict(sorted(by_class.items())),
            "checkov_results_dropped_uncalled_module_dirs": sum(v.dropped for v in views.values()),
        },
        "classes": CLASSES,
        "disagreements": disagreements,
        "unknowns": unknowns,
        "airlock_config_plan_mismatches": mismatches,
        "problems": problems,
    }


def config_plan_mismatches(targets, views):
    """Airlock against itself: every check, aliased or not, on a directory and on its plan.

    Terraform's plan is the same configuration evaluated by Terraform, so a resource one scan
    fails and the other passes (neither UNKNOWN) is a bug on one side, whatever Checkov says.
    """
    out = []
    for t in targets:
        if t.kind != "dir" or (t.name + " (plan)") not in views:
            continue
        conf, plan = views[t.name], views[t.name + " (plan)"]
        if not (conf.ok and plan.ok):
            continue
        both = set(conf.inventory) & set(plan.inventory)
        for cid in sorted(set(conf.al) | set(plan.al)):
            c, p = conf.al.get(cid, {}), plan.al.get(cid, {})
            for addr in sorted(both):
                cf, pf = addr in c.get("failed", {}), addr in p.get("failed", {})
                if cf == pf or addr in c.get("unknown", {}) or addr in p.get("unknown", {}):
                    continue
                f = (c if cf else p)["failed"][addr]
                out.append({"check": cid, "target": t.name, "resource": addr,
                            "fails_on": "configuration" if cf else "plan", "message": f.get("message", "")})
    return out


def classify(found, covered, rules, checkov_failed):
    """Fills `class` and `reason`: a rule from the rules file first, else what the data shows."""
    mine = [d for d in found if d["flagged_by"] == "airlock"]
    theirs = [d for d in found if d["flagged_by"] == "checkov"]
    for a in mine:
        for c in theirs:
            if related((a["resource"], a["airlock_message"]), c["resource"]):
                a.setdefault("paired_with", c["resource"])
                c.setdefault("paired_with", a["resource"])
        # A security group (or bucket) Airlock fails because of a rule resource that both
        # tools fail: Airlock reports the group too, Checkov only the rule.
        for c in sorted(checkov_failed):
            if "paired_with" not in a and related((a["resource"], a["airlock_message"]), c):
                a["paired_with"] = c
    for d in found:
        rule = apply_rules(d, rules)
        if rule:
            d["class"], d["reason"] = rule["class"], rule["reason"]
        elif "paired_with" in d:
            d["class"], d["reason"] = "anchor", f"the other tool reports it on {d['paired_with']}"
        elif d["flagged_by"] == "airlock" and covered and d["resource_type"] not in covered \
                and "data." + d["resource_type"] not in covered:
            d["class"], d["reason"] = "scope", f"Checkov's check does not cover {d['resource_type']}"
        elif d["flagged_by"] == "airlock" and d["other_side"] == "checkov not evaluated":
            d["class"], d["reason"] = "checkov blind", "Checkov reports neither pass nor fail for this resource"
        elif d["flagged_by"] == "checkov" and d.get("in_terraform_plan") is False:
            d["class"], d["reason"] = "checkov wrong", "Terraform's plan has no instance of it (count = 0 or an empty for_each)"
        elif twin_says(d, "checkov", "not failed", "not failed"):
            d["class"], d["reason"] = "checkov wrong", \
                f"Checkov does not flag it in the {twin_of(d)} either, nor does Airlock: Checkov contradicts itself"
        elif twin_says(d, "airlock", "failed", "failed"):
            d["class"], d["reason"] = ("checkov blind" if twin_of(d) == "plan" else "checkov wrong"), \
                f"Checkov flags it in the {twin_of(d)}, as Airlock does in both"
        elif d["flagged_by"] == "checkov" and d["other_side"].startswith("airlock not applicable"):
            d["class"], d["reason"] = "scope", "the Airlock check does not cover this resource type"
        else:
            d["class"], d["reason"] = "unclassified", ""


def twin_of(d):
    return "plan" if "checkov_on_plan" in d else "configuration"


def twin_says(d, flagged_by, checkov, airlock):
    """Whether the other form of the same configuration has these verdicts."""
    if d["flagged_by"] != flagged_by:
        return False
    twin = "plan" if "checkov_on_plan" in d else "config" if "checkov_on_config" in d else None
    return twin is not None and d[f"checkov_on_{twin}"] == checkov and d[f"airlock_on_{twin}"] == airlock


def first_finding(findings, projected, proj):
    for a, f in sorted(findings.items()):
        if proj(a) == projected:
            return f
    return {}


def rel(path):
    if not path:
        return None
    return os.path.relpath(path, ROOT) if os.path.isabs(path) else path


def tail(path, n=400):
    try:
        with open(path) as f:
            return f.read()[-n:]
    except OSError:
        return ""


# ---------------------------------------------------------------- report
def text_report(result, meta):
    out = []
    o = result["overall"]
    out.append(f"Airlock ({meta['catalog_size']} checks) vs Checkov {meta['checkov_version']} on {meta['targets']} targets ({meta['date']})")
    out.append("")
    out.append(f"{'airlock check':<26} {'checkov aliases':<26} {'agree':>6} {'ours':>6} {'theirs':>7} {'unknown':>8} {'both-pass':>10}")
    for r in result["checks"]:
        aliases = ", ".join(r["aliases"])
        if not r["targets"]:
            out.append(f"{r['id']:<26} {aliases:<26} {'-':>6} {'-':>6} {'-':>7} {'-':>8} {'-':>10}  (no results on either side)")
            continue
        out.append(f"{r['id']:<26} {aliases:<26} {r['agree']:>6} {r['ours_only']:>6} {r['theirs_only']:>7} {r['ours_unknown']:>8} {r['agree_pass']:>10}")
    out.append("")
    rate = "n/a" if o["agreement_rate"] is None else f"{o['agreement_rate'] * 100:.1f}%"
    out.append(f"overall: {o['agree']} failing resources both flag, {o['ours_only']} only Airlock flags, "
               f"{o['theirs_only']} only Checkov flags; agreement {rate} "
               f"(both / (both + Airlock only + Checkov only)); {o['ours_unknown']} Checkov failures "
               f"Airlock reports UNKNOWN (not counted); {o['agree_pass']} resources both pass.")
    out.append(f"checks with aliases: {o['checks_with_aliases']}, with results on this corpus: {o['checks_compared']}")
    out.append(f"Airlock directory/plan mismatches (all checks): {len(result['airlock_config_plan_mismatches'])}")
    out.append("disagreements by class: " + ", ".join(f"{k} {v}" for k, v in o["disagreements_by_class"].items()))
    order = list(CLASSES)
    if result["disagreements"]:
        out.append("")
        out.append("disagreements (class: check, target, resource, who flags it, the other side):")
        for d in sorted(result["disagreements"], key=lambda d: (order.index(d["class"]), d["check"], d["target"], d["resource"])):
            twin = "plan" if "checkov_on_plan" in d else "config" if "checkov_on_config" in d else None
            plan = f" [on the {twin}: checkov {d['checkov_on_' + twin]}, airlock {d['airlock_on_' + twin]}]" if twin else ""
            why = f" -- {d['reason']}" if d.get("reason") else ""
            msg = f" -- {d['airlock_message']}" if d.get("airlock_message") and d["class"] == "unclassified" else ""
            out.append(f"  {d['class']:<17} {d['check']:<22} {'/'.join(d['aliases']):<24} {d['target']:<46} {d['resource']:<58} "
                       f"{d['flagged_by']} only ({d['other_side']}){plan}{why}{msg}")
    if result["unknowns"]:
        out.append("")
        out.append("Checkov failures Airlock reports as UNKNOWN:")
        for u in result["unknowns"]:
            out.append(f"  {u['check']:<22} {u['target']:<46} {u['resource']:<58} unknown: {', '.join(u['unknown'])}")
    if result["airlock_config_plan_mismatches"]:
        out.append("")
        out.append("Airlock against itself: fails on one form only (directory or its plan), neither UNKNOWN:")
        for m in result["airlock_config_plan_mismatches"]:
            out.append(f"  {m['check']:<22} {m['target']:<46} {m['resource']:<58} fails on the {m['fails_on']} only -- {m['message']}")
    if result["problems"]:
        out.append("")
        out.append("problems reading targets (their results still count where there are any):")
        for p in result["problems"]:
            out.append(f"  {p['tool']:<8} {p['target']:<46} {p['problem']}")
    return "\n".join(out) + "\n"


def markdown_report(result, meta):
    """The tables for docs/peer-comparison.md: per check, then the disagreements grouped by cause."""
    o = result["overall"]
    out = [f"Airlock ({meta['catalog_size']} checks, {o['checks_with_aliases']} with Checkov aliases) against "
           f"Checkov {meta['checkov_version']}, {meta['targets']} targets, {meta['date']}.", ""]
    rate = "n/a" if o["agreement_rate"] is None else f"{o['agreement_rate'] * 100:.1f}%"
    out.append(f"**Agreement {rate}**: {o['agree']} failing resources both tools flag, {o['ours_only']} only Airlock, "
               f"{o['theirs_only']} only Checkov; {o['ours_unknown']} Checkov failures Airlock reports UNKNOWN "
               f"(not counted); {o['agree_pass']} resources both pass.")
    out += ["", "| Airlock check | Checkov | both fail | Airlock only | Checkov only | Airlock UNKNOWN | both pass |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for r in result["checks"]:
        if r["targets"]:
            out.append(f"| {r['id']} | {', '.join(r['aliases'])} | {r['agree']} | {r['ours_only']} | {r['theirs_only']} "
                       f"| {r['ours_unknown']} | {r['agree_pass']} |")
    silent = [r["id"] for r in result["checks"] if not r["targets"]]
    if silent:
        out += ["", f"No results on this corpus for either tool: {', '.join(silent)}."]
    out += ["", "| class | disagreements | meaning |", "|---|---:|---|"]
    for c, meaning in CLASSES.items():
        n = o["disagreements_by_class"].get(c, 0)
        if n:
            out.append(f"| {c} | {n} | {meaning} |")
    groups = {}
    for d in result["disagreements"]:
        groups.setdefault((d["class"], d["check"], d["flagged_by"], d["reason"]), []).append(d)
    order = list(CLASSES)
    if result["airlock_config_plan_mismatches"]:
        out += ["", "Airlock against itself (a directory and its plan, neither UNKNOWN):", "",
                "| check | target | resource | fails on | message |", "|---|---|---|---|---|"]
        for m in result["airlock_config_plan_mismatches"]:
            out.append(f"| {m['check']} | {m['target']} | `{m['resource']}` | {m['fails_on']} only | {m['message']} |")
    out += ["", "| class | check | flagged by | n | where (target: resource) | why |", "|---|---|---|---:|---|---|"]
    for (cls, check, by, reason), ds in sorted(groups.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1], kv[0][2])):
        where = "; ".join(f"{d['target']}: `{d['resource']}`" for d in ds[:4]) + (f"; and {len(ds) - 4} more" if len(ds) > 4 else "")
        aliases = "/".join(ds[0]["aliases"])
        out.append(f"| {cls} | {check} ({aliases}) | {by} | {len(ds)} | {where} | {reason.replace('|', '/')} |")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--airlock", required=True)
    ap.add_argument("--checkov", required=True)
    ap.add_argument("--work", default=os.path.join(ROOT, ".build-tools", "compare-checkov"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "Tests", "Corpus", "scan", "checkov-disagreements.json"),
                    help="classified disagreements: JSON list of {check, flagged_by, target (substring), resource (regex), "
                         "other_side (substring), class, reason}; the first match wins")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reuse-checkov", action="store_true", help="keep Checkov outputs of an earlier run")
    ap.add_argument("--only", action="append", default=[], help="targets whose name contains this")
    ap.add_argument("targets", nargs="*")
    opts = ap.parse_args()
    opts.work = os.path.abspath(opts.work)
    for k in ("checkov", "airlock", "airlock-eval"):
        os.makedirs(os.path.join(opts.work, k), exist_ok=True)
    targets = explicit_targets(opts.targets) if opts.targets else corpus_targets()
    if opts.only:
        targets = [t for t in targets if any(o in t.name for o in opts.only)]
    rules = load_json(opts.rules) or []
    for rule in rules:
        assert rule.get("class") in CLASSES, f"{opts.rules}: unknown class {rule.get('class')!r}"

    checks = catalog(opts.airlock)
    entities = checkov_catalog(opts.checkov, opts.work)
    outputs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = {pool.submit(run_target, t, opts): t for t in targets}
        for fut in concurrent.futures.as_completed(futures):
            outputs[futures[fut].name] = fut.result()
    if checks is None:
        # An airlock without `checks --format json`: learn the aliases from the findings.
        checks = {}
        for t in targets:
            for f in (load_json(outputs[t.name]["airlock"]) or {}).get("findings", []):
                checks.setdefault(f["id"], {"id": f["id"], "aliases": f["aliases"], "title": f["title"],
                                            "resource_types": []})
    version = subprocess.run([opts.checkov, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    meta = {"date": datetime.date.today().isoformat(), "checkov_version": version[-1] if version else "?",
            "targets": len(targets), "catalog_size": len(checks)}
    result = compare(targets, outputs, checks, entities, rules)
    result["meta"] = meta
    result["meta"]["target_names"] = [t.name for t in targets]
    with open(os.path.join(opts.work, "compare-checkov.json"), "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    report = text_report(result, meta)
    with open(os.path.join(opts.work, "compare-checkov.txt"), "w") as f:
        f.write(report)
    with open(os.path.join(opts.work, "compare-checkov.md"), "w") as f:
        f.write(markdown_report(result, meta))
    sys.stdout.write(report)
    print(f"\n(JSON: {os.path.relpath(os.path.join(opts.work, 'compare-checkov.json'), os.getcwd())})")


if __name__ == "__main__":
    main()
