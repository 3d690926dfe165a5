#!/usr/bin/env bash
# Writes Tests/HCLTests/Cases/numbers.tsv: number cases evaluated by go-cty and Go's
# math/big (scripts/numref, built offline in GOPATH mode against Debian's go-cty, like
# scripts/build-hclref.sh builds hclref). When `terraform` is on PATH, every case that
# Terraform can express is also evaluated by a real `terraform console` and must agree.
#
# Usage:
#   scripts/gen-number-cases.sh                 regenerate the case file
#   scripts/gen-number-cases.sh --random N [S]  print N random cases (seed S) instead,
#                                               for NumberTests' differential run
# The last line of the build step's output is the binary: .build-tools/numref.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.build-tools"
BIN="$TOOLS/numref"
SRC_DIR="$REPO/scripts/numref"
OUT="$REPO/Tests/HCLTests/Cases/numbers.tsv"

if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/github.com/zclconf/go-cty/cty ]; then
    SUDO=()
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
    echo "gen-number-cases: installing Go and go-cty via apt" >&2
    "${SUDO[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq golang-go golang-github-zclconf-go-cty-dev >&2
fi

if [ ! -x "$BIN" ] || [ "$SRC_DIR/main.go" -nt "$BIN" ]; then
    GOPATH_DIR="$TOOLS/gopath"
    mkdir -p "$GOPATH_DIR/src" "$TOOLS/gocache"
    ln -sfn "$SRC_DIR" "$GOPATH_DIR/src/numref"
    (
        cd "$GOPATH_DIR/src/numref"
        GO111MODULE=off GOPATH="$GOPATH_DIR:/usr/share/gocode" GOCACHE="$TOOLS/gocache" GOFLAGS= GOPROXY=off \
            go build -o "$BIN.tmp" . >&2
    )
    mv -f "$BIN.tmp" "$BIN"
fi

if [ "${1:-}" = "--random" ]; then
    exec "$BIN" -random "${2:-3000}" -seed "${3:-1}"
fi

tab=$'\t'

# Literals: integers of every size, decimals, exponents (decimal and Go's binary `p`),
# magnitudes beyond float64, infinities, and text Terraform refuses.
literals=(
    0 1 -1 +5 -0 +0 00 007 10 42 100 1000000 -273 2147483647 4294967296
    9007199254740992 9007199254740993 9223372036854775807 9223372036854775808 -9223372036854775808
    -9223372036854775809 18446744073709551615 18446744073709551616 123456789012345678901234567890
    1000000000000000000000000000000000000000 99999999999999999999999999999999999999999
    1267650600228229401496703205376
    13407807929942597099574024998205846127479365820592393377723561443721764030073546976801874298166903427690031858186486050853753882811946569946433649006084096
    0.1 0.2 0.3 0.5 0.25 0.125 -3.5 1.5 10.0 10.50 .5 5. -.5 0.000001 0.0000001 1e-7 1.5E-7
    3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196
    0.1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
    2.718281828459045 1.7976931348623157e308 2.2250738585072014e-308 5e-324 4.9e-324
    1e3 1E3 1e+3 1e-3 2.5e-3 123.456e2 0.1e1 1e0 1e27 1e28 1e29 1e100 1e155 1e156 1e200 1e250 1e300 1e308 1e309
    1e400 1e1000 1e-27 1e-28 1e-100 1e-250 1e-300 1e-400 1e-1000 7e-10 123e-2 -4.2e1 6.02214076e23
    1p4 1.5p1 3p-2 1P10 -1p-1 0p5 0e5 0e99999999999999999999 1e1000000000 1e-1000000000 1e3000000000
    Inf inf +Inf -Inf -inf +inf INF Infinity NaN nan
    "" " 1" "1 " "0x10" "0X10" "1_000" "1e" "1e+" "e5" "." "-" "+" "1..2" "1.2.3" "--1" "+-1" "1e5.5" "abc"
    "1,000" "0b101" "0o17" "1f" "1e99999999999999999999"
)

# Operands for arithmetic: literals (512 bits), NumberIntVal (64), NumberFloatVal (53), a
# parseint result, and odd precisions that only big.ParseFloat can make.
arith=(
    lit:0 lit:-0 lit:1 lit:-7 lit:3 lit:0.1 lit:2.5 lit:-0.75 lit:1e300 lit:123456789012345678901234567890
    lit:Inf lit:-Inf int:3 int:-2 int:9223372036854775807 float:0.1 float:1.4142135623730951 float:-1e20
    float:0.5 bigint:100000000000000000000000 prec:7:0.1 prec:100:1.1
)

# Operands for comparison: pairs that are equal in value but not in text, or in text but
# not in value, across precisions.
compare=(
    lit:0 lit:-0 int:0 float:-0 lit:3 lit:3.0 int:3 float:3 lit:0.1 float:0.1 prec:53:0.1 prec:64:0.1
    lit:1152921504606846976 float:1152921504606846976 int:1152921504606846976 lit:1152921504606847000
    lit:0.30000000000000004 float:0.30000000000000004 lit:-2.5 float:-2.5 lit:Inf lit:-Inf lit:1e600
)

# Operands for conversions, rounding and text.
unary=(
    lit:0 lit:-0 lit:1 lit:-1 lit:0.5 lit:-0.5 lit:1.5 lit:2.5 lit:-2.5 lit:0.49999999999999999999 lit:3.7 lit:-3.7
    lit:1e20 lit:1e21 lit:123456789.987654321 lit:-123456789.987654321 lit:1e-20 lit:99.99999999999999999999999
    lit:1e300 lit:-1e300 lit:1e600 lit:Inf lit:-Inf lit:9223372036854775807 lit:9223372036854775808
    lit:-9223372036854775808 lit:-9223372036854775809 lit:18446744073709551616.5 lit:1234567890123 lit:0.0001
    lit:0.00001 lit:12345678901 lit:9999999999.5 lit:-0.000123456789012
    int:0 int:7 int:-9223372036854775808 float:0.1 float:-0 float:1e20 float:1e23 float:1152921504606846976
    float:0.30000000000000004 float:5e-324 float:2.2250738585072014e-308 float:1.7976931348623157e308
    float:1e-5 float:123456.789 float:-9007199254740993 float:4503599627370495.5
    bigint:18446744073709551616 bigint:-340282366920938463463374607431768211457
    prec:1:3 prec:1:0.75 prec:2:0.1 prec:3:1000 prec:4:1024 prec:4:1000 prec:5:99 prec:7:0.1 prec:10:1e10
    prec:24:0.1 prec:24:16777217 prec:53:0.1 prec:64:0.1 prec:113:0.1 prec:200:3.3 prec:600:0.1 prec:1000:1e-300
)

generate() {
    echo "# Number cases evaluated by go-cty and Go's math/big: written by scripts/gen-number-cases.sh."
    echo "# op${tab}a${tab}b${tab}result${tab}precision"
    echo "# Operands: lit: parsed literal (512 bits), int: NumberIntVal (64), float: NumberFloatVal (53),"
    echo "# bigint: parseint's SetInt (max(bits, 64)), prec:P: big.ParseFloat at P bits. Results print as"
    echo "# Text('f', -1) with their precision, or error: MESSAGE; bools, ints and float64 bits with '-'."
    for s in "${literals[@]}"; do printf 'parse\t%s\t-\n' "$s"; done
    for a in "${unary[@]}"; do
        for op in text g10 neg floor ceil trunc int double isint sign; do printf '%s\t%s\t-\n' "$op" "$a"; done
    done
    for op in add sub mul div mod; do
        for a in "${arith[@]}"; do
            for b in "${arith[@]}"; do printf '%s\t%s\t%s\n' "$op" "$a" "$b"; done
        done
    done
    for op in eq lt le ge; do
        for a in "${compare[@]}"; do
            for b in "${compare[@]}"; do printf '%s\t%s\t%s\n' "$op" "$a" "$b"; done
        done
    done
}

tmp="$(mktemp)"
trap 'rm -f "$tmp" "$tmp.tf" "$tmp.json"' EXIT
generate | "$BIN" >"$tmp"

if command -v terraform >/dev/null 2>&1; then
    # Check every case Terraform can express against a real `terraform console`.
    "$BIN" -terraform <"$tmp" >"$tmp.tf"
    workdir="$(mktemp -d)"
    while IFS= read -r expression; do
        (cd "$workdir" && printf '%s\n' "$expression" | terraform console 2>/dev/null)
    done <"$tmp.tf" >"$tmp.json"
    rm -rf "$workdir"
    python3 - "$tmp" "$tmp.json" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip() and not l.startswith("#")]
results = [r for line in open(sys.argv[2]) if line.strip() for r in json.loads(json.loads(line))]
assert len(rows) == len(results), (len(rows), len(results))
checked = mismatched = 0
for row, got in zip(rows, results):
    if got == "skip":
        continue
    expected = row[3]
    if expected.startswith("error: "):
        expected = "error"
    checked += 1
    if got != expected:
        mismatched += 1
        print("terraform disagrees:", "\t".join(row[:3]), "numref:", row[3], "terraform:", got, file=sys.stderr)
print(f"gen-number-cases: terraform console agrees on {checked - mismatched} of {checked} cases", file=sys.stderr)
sys.exit(1 if mismatched else 0)
PY
else
    echo "gen-number-cases: terraform is not on PATH; cases not checked against Terraform" >&2
fi

rm -f "$tmp.tf" "$tmp.json"
chmod 644 "$tmp"
mv "$tmp" "$OUT"
trap - EXIT
echo "gen-number-cases: wrote $(grep -vc '^#' "$OUT") cases to ${OUT#"$REPO"/}" >&2
