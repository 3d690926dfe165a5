#!/usr/bin/env bash
# Audit log speed: `audit-benchmark` (release) on a generated log of N events, in one run:
#   ed25519      swift-crypto's Ed25519 sign and verify, µs per operation, one core
#   generate     appending N events (10,000 per append call: one lock, one fsync each)
#   sha256sum    `sha256sum audit.log`: reading and hashing the same file once, the floor
#                any verifier of these bytes pays (the peer the ratio is against)
#   every_event  verify checking every hash, link and signature (the default)
#   chain_anchored verify checking every hash and link and one signature per unbroken run
#   append       one more append to the N-event log (it reads and chain-checks the whole log)
# Verify figures are the best of RUNS; ratio_to_sha256sum is verify time / sha256sum time.
#
# usage: scripts/bench-audit.sh [N] [RUNS]        (defaults: 100000 events, 3 runs)
#   SCRATCH=dir   SwiftPM scratch path (default .build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
runs="${2:-3}"
scratch="${SCRATCH:-$root/.build}"

(cd "$root" && swift build -c release --scratch-path "$scratch" --product audit-benchmark >&2)
bench="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/audit-benchmark"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$bench" ed25519 20000
"$bench" generate "$work/log" "$n"
echo "== $(wc -c <"$work/log/audit.log") bytes in audit.log" >&2
"$bench" verify "$work/log" "$runs"
"$bench" append "$work/log" 3
