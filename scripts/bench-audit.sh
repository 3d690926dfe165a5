#!/usr/bin/env bash
# Audit log speed: `audit-benchmark` (release) on a generated log of N events, in one run:
#   ed25519      swift-crypto's Ed25519 sign and verify, µs per operation, one core
#   generate     appending N events (10,000 per append call: one lock, one fsync each)
#   sha256sum    `sha256sum audit.log`: reading and hashing the same file once, the floor
#                any verifier of these bytes pays (the peer the ratio is against)
#   chain_anchored verify checking every hash and link and one signature per unbroken run
#                (the default of AuditLog.verify and `airlock audit verify`)
#   every_event  verify checking every signature as well (`--every-signature`)
#   append       20 single appends to the N-event log (each reads only the log's end, and
#                fsyncs the log, the head and the directory), then 20 to a 1,000-event log:
#                the two figures should match, since append does not grow with the log
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
"$bench" append "$work/log" 20
"$bench" generate "$work/small" 1000 >/dev/null
"$bench" append "$work/small" 20
