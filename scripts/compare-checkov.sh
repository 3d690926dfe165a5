#!/usr/bin/env bash
# Agreement with Checkov: runs Checkov and `airlock scan` over the fixture corpus
# (Tests/Corpus/eval/* directories and their plan.json, Tests/Corpus/hcl2 directories with
# .tf files) and compares, for every Airlock check with Checkov aliases, the resources each
# tool fails. Prints a per-check table, the overall agreement and every disagreement;
# writes .build-tools/compare-checkov/compare-checkov.json. See scripts/compare_checkov.py.
#
# usage: scripts/compare-checkov.sh [--reuse-checkov] [--only NAME] [--jobs N] [TARGET...]
#   AIRLOCK_BIN=path  use this airlock instead of building one (debug build otherwise)
#   CHECKOV_BIN=path  use this checkov instead of .build-tools/venv-peers (installed on demand)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

checkov="${CHECKOV_BIN:-}"
if [ -z "$checkov" ]; then
  eval "$("$root/scripts/install-peers.sh")"
  checkov="$CHECKOV_BIN"
fi
airlock="${AIRLOCK_BIN:-}"
if [ -z "$airlock" ]; then
  mkdir -p "$root/.build-tools"
  if ! (cd "$root" && swift build --product airlock >"$root/.build-tools/compare-checkov-build.log" 2>&1); then
    tail -n 30 "$root/.build-tools/compare-checkov-build.log" >&2
    echo "compare-checkov: the build failed (log: .build-tools/compare-checkov-build.log)" >&2
    exit 1
  fi
  airlock="$(cd "$root" && swift build --show-bin-path)/airlock"
fi
# A private copy: other builds in this tree may replace the binary while the run goes on.
mkdir -p "$root/.build-tools/compare-checkov"
if [ ! "$airlock" -ef "$root/.build-tools/compare-checkov/airlock.bin" ]; then
  cp "$airlock" "$root/.build-tools/compare-checkov/airlock.bin"
fi
airlock="$root/.build-tools/compare-checkov/airlock.bin"
checkov="$(cd "$(dirname "$checkov")" && pwd)/$(basename "$checkov")"
exec python3 "$root/scripts/compare_checkov.py" --airlock "$airlock" --checkov "$checkov" "$@"
