#!/usr/bin/env bash
# Regenerate the golden JSON files for the HCL conformance cases under
# Tests/HCLTests/Cases/{syntax,errors}/ using HashiCorp's parser (hclref).
#
# For every NNN-name.hcl it writes NNN-name.json beside it: the single file
# object from `hclref -exprs`, pretty-printed with sorted keys. hclref is run
# from inside the case directory with the bare file name, so the "path" field
# is just the file name (machine-independent).
#
# Usage: scripts/update-golden.sh [DIR...]   (default: both case folders)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HCLREF="$(bash "$REPO/scripts/build-hclref.sh" | tail -n 1)"
CASES="$REPO/Tests/HCLTests/Cases"

if [ "$#" -gt 0 ]; then
    DIRS=("$@")
else
    DIRS=("$CASES/syntax" "$CASES/errors")
fi

count=0
for dir in "${DIRS[@]}"; do
    [ -d "$dir" ] || { echo "update-golden: no such directory: $dir" >&2; exit 2; }
    shopt -s nullglob
    for hcl in "$dir"/*.hcl; do
        name="$(basename "$hcl")"
        out="${hcl%.hcl}.json"
        # hclref exits 1 when the file has error diagnostics; that is
        # expected for the errors/ cases, so only treat other codes as fatal.
        rc=0
        raw="$(cd "$dir" && "$HCLREF" -exprs "$name")" || rc=$?
        if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
            echo "update-golden: hclref failed (exit $rc) on $hcl" >&2
            exit 1
        fi
        printf '%s' "$raw" | python3 -c '
import json, sys
data = json.load(sys.stdin)
assert isinstance(data, list) and len(data) == 1, "expected one file object"
sys.stdout.write(json.dumps(data[0], indent=2, sort_keys=True, ensure_ascii=False) + "\n")
' > "$out.tmp"
        mv -f "$out.tmp" "$out"
        count=$((count + 1))
    done
    shopt -u nullglob
done
echo "update-golden: wrote $count golden files" >&2
