#!/usr/bin/env python3
"""Validates airlock's SARIF and JUnit reports against the published schemas.

usage: validate_reports.py --sarif-schema S.json --junit-xsd J.xsd [--source-root DIR] FILE...

A file ending in .sarif is checked against the OASIS SARIF 2.1.0 JSON schema (draft 4,
with format checking) and then against the rules the schema cannot express and GitHub
code scanning relies on: each result's ruleIndex names its rule, regions are 1-based
and ordered and lie inside the file they name, a result whose kind is not "fail" has
level "none" (SARIF 3.27.10), fingerprints are present. A file ending in .xml is checked
against the JUnit schema Jenkins and Surefire use (junit-10.xsd) and its counts against
its test cases. Prints one line per problem; exits 1 if there was any.
"""

import argparse
import json
import os
import sys
import urllib.parse

import jsonschema
import xmlschema

problems = []


def problem(path, where, text):
    problems.append(f"{path}: {where}: {text}")


def file_lines(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    return data.decode("utf-8", errors="replace").split("\n")


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def check_region(path, where, region, artifact):
    start_line = region.get("startLine")
    if start_line is None or start_line < 1:
        problem(path, where, f"startLine {start_line!r} is not a 1-based line")
        return
    start_col = region.get("startColumn", 1)
    end_line = region.get("endLine", start_line)
    if start_col < 1:
        problem(path, where, f"startColumn {start_col} is not 1-based")
    if end_line < start_line:
        problem(path, where, f"endLine {end_line} before startLine {start_line}")
    if "endColumn" in region:
        if "endLine" not in region and "startColumn" not in region:
            problem(path, where, "endColumn without startColumn")
        if end_line == start_line and region["endColumn"] < start_col:
            problem(path, where, f"endColumn {region['endColumn']} before startColumn {start_col}")
    if artifact is None:
        return
    lines = file_lines(artifact)
    if lines is None:
        problem(path, where, f"names {artifact}, which cannot be read")
        return
    if end_line > len(lines):
        problem(path, where, f"line {end_line} is past the end of {artifact} ({len(lines)} lines)")
        return
    # Columns are UTF-16 code units (run.columnKind); an exclusive end may stand just
    # after the last character of its line.
    if start_col > utf16_length(lines[start_line - 1].rstrip("\r")) + 1:
        problem(path, where, f"startColumn {start_col} is past the end of line {start_line} of {artifact}")
    if "endColumn" in region and region["endColumn"] > utf16_length(lines[end_line - 1].rstrip("\r")) + 1:
        problem(path, where, f"endColumn {region['endColumn']} is past the end of line {end_line} of {artifact}")


def artifact_path(path, where, location, bases):
    artifact = location.get("artifactLocation", {})
    uri = artifact.get("uri")
    if uri is None:
        problem(path, where, "artifactLocation has no uri")
        return None
    parsed = urllib.parse.urlsplit(uri)
    if parsed.scheme:
        problem(path, where, f"uri {uri!r} is absolute; GitHub wants paths relative to the repository")
        return None
    base_id = artifact.get("uriBaseId")
    if base_id not in bases:
        problem(path, where, f"uriBaseId {base_id!r} is not in originalUriBaseIds")
        return None
    base = bases[base_id].get("uri", "")
    if not base.endswith("/"):
        problem(path, where, f"base URI {base!r} does not end with a slash")
    resolved = urllib.parse.urljoin(base, uri)
    if not resolved.startswith("file://"):
        return None
    return urllib.parse.unquote(urllib.parse.urlsplit(resolved).path)


def check_sarif(path, validator):
    try:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        problem(path, "file", f"is not JSON: {e}")
        return
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        problem(path, where, f"schema: {error.message}")
    if log.get("version") != "2.1.0" or len(log.get("runs") or []) != 1:
        problem(path, "(root)", "expected version 2.1.0 and exactly one run")
        return
    run = log["runs"][0]
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    ids = [r.get("id") for r in rules]
    if len(set(ids)) != len(ids):
        problem(path, "rules", "duplicate rule IDs")
    for i, rule in enumerate(rules):
        where = f"rules/{i}"
        for key in ("shortDescription", "fullDescription", "help"):
            if not (rule.get(key) or {}).get("text", "").strip():
                problem(path, where, f"{key}.text is empty (GitHub requires it)")
        props = rule.get("properties", {})
        try:
            score = float(props.get("security-severity", "x"))
            if not 0.0 < score <= 10.0:
                raise ValueError
        except ValueError:
            problem(path, where, f"security-severity {props.get('security-severity')!r} is not a score in (0, 10]")
        if rule.get("defaultConfiguration", {}).get("level") not in ("note", "warning", "error"):
            problem(path, where, "defaultConfiguration.level is not note, warning or error")
    if run.get("columnKind") != "utf16CodeUnits":
        problem(path, "run", "columnKind is not utf16CodeUnits")
    bases = run.get("originalUriBaseIds", {})
    for i, result in enumerate(run.get("results", [])):
        where = f"results/{i}"
        index = result.get("ruleIndex")
        if not isinstance(index, int) or not 0 <= index < len(rules) or rules[index].get("id") != result.get("ruleId"):
            problem(path, where, f"ruleIndex {index!r} does not name rule {result.get('ruleId')!r}")
        kind, level = result.get("kind", "fail"), result.get("level")
        if kind == "fail" and level not in ("note", "warning", "error"):
            problem(path, where, f"a failing result has level {level!r}")
        if kind != "fail" and level not in (None, "none"):
            problem(path, where, f"kind {kind!r} requires level none (SARIF 3.27.10), not {level!r}")
        if not result.get("message", {}).get("text", "").strip():
            problem(path, where, "message.text is empty")
        fingerprints = result.get("partialFingerprints", {})
        if not fingerprints.get("primaryLocationLineHash"):
            problem(path, where, "no primaryLocationLineHash fingerprint")
        locations = result.get("locations", [])
        if len(locations) != 1:
            problem(path, where, f"{len(locations)} locations, expected 1")
        for j, location in enumerate(locations):
            physical = location.get("physicalLocation")
            if physical is None:
                continue
            artifact = artifact_path(path, f"{where}/locations/{j}", physical, bases)
            if "region" in physical:
                check_region(path, f"{where}/locations/{j}/region", physical["region"], artifact)
            elif artifact is not None and not os.path.exists(artifact):
                problem(path, f"{where}/locations/{j}", f"names {artifact}, which does not exist")


def check_junit(path, schema):
    try:
        schema.validate(path)
    except (xmlschema.XMLSchemaException, Exception) as e:  # parse errors come as ParseError
        problem(path, "schema", str(e).splitlines()[0] if str(e) else repr(e))
        return
    root = schema.to_dict(path)
    total = 0
    for suite in root.get("testsuite", []):
        cases = suite.get("testcase", [])
        failures = sum(1 for c in cases if c.get("failure"))
        errors = sum(1 for c in cases if c.get("error"))
        skipped = sum(1 for c in cases if c.get("skipped"))
        total += len(cases)
        counts = (int(suite["@tests"]), int(suite["@failures"]), int(suite["@errors"]), int(suite.get("@skipped", 0)))
        if counts != (len(cases), failures, errors, skipped):
            problem(path, suite["@name"], f"counts {counts} do not match its test cases {(len(cases), failures, errors, skipped)}")
    if int(root.get("@tests", total)) != total:
        problem(path, "testsuites", f"tests={root.get('@tests')} but there are {total} test cases")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sarif-schema", required=True)
    parser.add_argument("--junit-xsd", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    with open(args.sarif_schema, encoding="utf-8") as f:
        sarif_schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(sarif_schema)
    # The schema is draft 4, but it names "uri-reference", a format draft 4's checker does
    # not know: check with every format jsonschema knows.
    validator = jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker())
    junit_schema = xmlschema.XMLSchema10(args.junit_xsd)
    for path in args.files:
        if path.endswith(".sarif"):
            check_sarif(path, validator)
        elif path.endswith(".xml"):
            check_junit(path, junit_schema)
        else:
            problem(path, "file", "neither .sarif nor .xml")
    for line in problems:
        print(line)
    print(f"validate_reports: {len(args.files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
