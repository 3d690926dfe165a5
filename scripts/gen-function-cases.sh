#!/usr/bin/env bash
# Regenerate the expected results of the Terraform built-in function cases
# with real Terraform (the oracle: 1.11.4 at the time of writing).
#
#   scripts/gen-function-cases.sh [FAMILY...]          rewrite expected/*.json
#   scripts/gen-function-cases.sh --check [FAMILY...]  regenerate into a temp dir
#                                                      and diff; exit 1 on mismatch
#
# Layout (under Tests/TerraformTests/Cases/functions, the case directory; a
# harness evaluates every expression with it as working directory and as
# path.module):
#   cases/<family>.txt     input. One case per line: `name<TAB>expression`.
#                          Lines starting with `#` and blank lines are ignored.
#                          A line starting with a TAB continues the previous
#                          case's expression (the TAB is dropped, lines are
#                          joined with "\n"): that is how heredocs are written.
#                          Case names are unique across all families.
#   files/                 fixtures for file(), fileset(), templatefile()...
#                          Cases refer to them relative to the case directory
#                          ("files/hello.txt"); cases only look inside files/.
#   expected/<family>.json output, one per family: a JSON array of records in
#   the order of the .txt file. A record (keys sorted) is either
#     {"expr", "name", "sensitive", "type", "value"}   the case evaluated:
#         type  = the cty type JSON exactly as `terraform output -json` gives it
#                 ("string", ["list","string"], ["object",{...}], "dynamic")
#         value = the value exactly as `terraform output -json` gives it
#         sensitive = true when the result carries a sensitive mark anywhere,
#                 at top level or nested (Terraform's own rule for outputs)
#   or {"error": {"detail", "summary"}, "expr", "name"}   the case failed:
#         the first error diagnostic Terraform reported for it, from
#         `terraform apply -json` on a module holding only that case. A panic
#         inside a function (e.g. element() with a negative index) carries a
#         goroutine dump; it is cut off, the message before it is kept.
#   Every case in errors.txt must fail and every case elsewhere must succeed;
#   otherwise the files are still written but the script exits 3.
#
# NUMBERS: Terraform numbers are arbitrary-precision (1/3 prints with ~155
# digits, 1e300 as 301 digits). The expected files keep every number as the
# exact text Terraform printed: the helper parses Terraform's JSON with
# parse_float/parse_int hooks that keep the raw text and writes it back
# verbatim (no float conversion anywhere). Compare numbers as decimal text or
# big decimals, never as Double.
#
# Output is deterministic: cases in file order, 2-space indentation, record
# keys sorted, trailing newline; regenerating without changes gives no diff.
#
# How: per family, one temporary root module (fixtures copied next to it) with
# one `sensitive = true` output per case whose value is `[ <expr> ]` (the
# one-element tuple keeps null results, which Terraform drops from state, and
# their type; type and value recorded are the element's), one `terraform init`
# + `terraform apply -json` + `terraform output -json` (no provider, local
# state). Error diagnostics are mapped back to cases by line; each failing
# case is re-run alone and the rest applied again. A second plan without
# `sensitive = true` tells which results carry sensitive marks. See
# scripts/gen_function_cases.py. The whole run takes about 15-25 s, most of it
# the errors family (one run per case).
#
# A case must not evaluate to +Inf/-Inf (1/0, log(0, 10)): Terraform evaluates
# it but cannot store it in state, and the script stops with that message.
#
# Left out on purpose, because the result depends on the clock, randomness or
# the environment: timestamp(), plantimestamp(), uuid(), bcrypt() (random
# salt), abspath() (the absolute working directory), pathexpand() ($HOME),
# type() (console only), and anything that needs a provider. uuidv5() and
# rsadecrypt() are deterministic and included.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="$REPO/Tests/TerraformTests/Cases/functions"
EXPECTED="$CASES/expected"

check=0
families=()
for arg in "$@"; do
    case "$arg" in
        --check) check=1 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        -*) echo "gen-function-cases: unknown option $arg" >&2; exit 2 ;;
        *) families+=("$arg") ;;
    esac
done

TERRAFORM="$(command -v terraform || true)"
if [ -z "$TERRAFORM" ]; then
    echo "gen-function-cases: error: terraform is not on PATH; it is the oracle for these cases (expected Terraform 1.11.4 at /usr/local/bin/terraform)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "gen-function-cases: error: python3 is required" >&2
    exit 2
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/gen-function-cases.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# No provider is needed: an empty CLI config keeps Terraform away from any
# user config and from the network.
: > "$TMP/terraformrc"
export TF_CLI_CONFIG_FILE="$TMP/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_DATA_DIR TF_WORKSPACE TF_CLI_ARGS TF_CLI_ARGS_apply TF_CLI_ARGS_plan TF_CLI_ARGS_init || true
tf_version="$("$TERRAFORM" version -json | python3 -c 'import json,sys; print(json.load(sys.stdin)["terraform_version"])')"
echo "gen-function-cases: Terraform $tf_version ($TERRAFORM)" >&2
if [ "$tf_version" != "1.11.4" ]; then
    echo "gen-function-cases: warning: the checked-in expected files come from Terraform 1.11.4, this is $tf_version" >&2
fi

if [ "$check" -eq 1 ]; then
    out="$TMP/expected"
else
    out="$EXPECTED"
fi
mkdir -p "$TMP/work"
status=0
python3 "$REPO/scripts/gen_function_cases.py" --cases-dir "$CASES" --out "$out" \
    --tmp "$TMP/work" ${families[@]+"${families[@]}"} || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    exit "$status"
fi

if [ "$check" -eq 1 ]; then
    mismatch=0
    if [ "${#families[@]}" -eq 0 ]; then
        # Whole set: also catch expected files without a case file.
        diff -ru "$EXPECTED" "$out" || mismatch=1
    else
        for fam in "${families[@]}"; do
            diff -u "$EXPECTED/$fam.json" "$out/$fam.json" || mismatch=1
        done
    fi
    if [ "$mismatch" -ne 0 ]; then
        echo "gen-function-cases: MISMATCH between checked-in expected files and Terraform $tf_version; rerun scripts/gen-function-cases.sh and review the diff" >&2
        exit 1
    fi
    echo "gen-function-cases: expected files are up to date" >&2
fi
exit "$status"
