#!/usr/bin/env bash
# Gate speed: `airlock gate` on a real plan of N resource changes (scripts/gen-large-plan.sh),
# against Checkov scanning the same plan JSON (`checkov -f plan.json --framework
# terraform_plan`), in the same run. The gate does more than Checkov's scan (it scans the
# plan and its prior state, decides, writes the store and two signed audit events), so the
# ratio is conservative. Every tool is a whole process timed by /usr/bin/time -v; one
# warm-up, then RUNS timed runs each, interleaved; the median is reported.
#
# usage: scripts/bench-gate.sh [N] [RUNS]        (defaults: 5000 changes, 3 runs)
#   AIRLOCK_BIN=path   use this airlock instead of a release build
#   CHECKOV_BIN=path   use this checkov instead of .build-tools/venv-peers
#   PLAN_DIR=path      reuse a plan made by gen-large-plan.sh (plan.json inside)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5000}"
runs="${2:-3}"

if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [ -z "${CHECKOV_BIN:-}" ]; then eval "$("$root/scripts/install-peers.sh")"; fi
airlock="${AIRLOCK_BIN:-}"
mkdir -p "$root/.build-tools"
if [ -z "$airlock" ]; then
  if ! (cd "$root" && swift build -c release --product airlock >"$root/.build-tools/bench-gate-build.log" 2>&1); then
    tail -n 30 "$root/.build-tools/bench-gate-build.log" >&2
    echo "bench-gate: the release build failed (log: .build-tools/bench-gate-build.log)" >&2
    exit 1
  fi
  airlock="$(cd "$root" && swift build -c release --show-bin-path)/airlock"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$airlock" "$work/airlock"
airlock="$work/airlock"
plan_dir="${PLAN_DIR:-$work/plan}"
if [ ! -f "$plan_dir/plan.json" ]; then
  echo "bench-gate: planning $n resources with terraform (gen-large-plan.sh)" >&2
  "$root/scripts/gen-large-plan.sh" "$plan_dir" "$n" >&2
fi
changes="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for c in d["resource_changes"] if c["change"]["actions"]!=["no-op"]))' "$plan_dir/plan.json")"

run_tool() { # TOOL RUN
  case "$1" in
    airlock) /usr/bin/time -v -o "$work/time-$1-$2.txt" "$airlock" gate "$plan_dir/plan.json" --actor agent:bench \
               --workspace dev --state-dir "$work/state" --format json >"$work/out-$1.json" 2>>"$work/err-$1.txt" || true ;;
    checkov) /usr/bin/time -v -o "$work/time-$1-$2.txt" "$CHECKOV_BIN" -f "$plan_dir/plan.json" --framework terraform_plan \
               -o json --quiet --skip-download >"$work/out-$1.json" 2>>"$work/err-$1.txt" || true ;;
  esac
}
for tool in airlock checkov; do echo "bench-gate: $tool warm-up" >&2; run_tool "$tool" 0; done
for i in $(seq "$runs"); do
  for tool in airlock checkov; do echo "bench-gate: $tool run $i/$runs" >&2; run_tool "$tool" "$i"; done
done

python3 - "$work" "$runs" "$changes" "$plan_dir/plan.json" "$root/.build-tools/bench-gate.json" <<'PY'
import json, os, re, statistics, sys
work, runs, changes, plan, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def parse(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text).group(1)
    secs = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return secs, rss
result = {"changes": changes, "plan_bytes": os.path.getsize(plan), "runs": runs, "tools": {}}
for tool in ("airlock", "checkov"):
    samples = [parse(os.path.join(work, f"time-{tool}-{i}.txt")) for i in range(1, runs + 1)]
    result["tools"][tool] = {"median_s": statistics.median(s for s, _ in samples), "runs_s": [s for s, _ in samples],
                             "max_rss_mb": max(r for _, r in samples) / 1024}
try:
    decision = json.load(open(os.path.join(work, "out-airlock.json")))
    result["decision"] = {"decision": decision["decision"], "tier": decision["tier"], "findings": decision["findings_summary"]["new"]}
except Exception as e:
    result["decision"] = {"error": str(e)}
a, c = result["tools"]["airlock"]["median_s"], result["tools"]["checkov"]["median_s"]
result["ratio_checkov_over_airlock"] = c / a if a else None
json.dump(result, open(out, "w"), indent=2)
print(f"plan: {changes} resource changes, {result['plan_bytes'] / 1e6:.1f} MB of JSON")
print(f"airlock gate: {a:.3f} s median ({result['tools']['airlock']['max_rss_mb']:.0f} MB)  decision: {result['decision']}")
print(f"checkov -f plan.json: {c:.2f} s median ({result['tools']['checkov']['max_rss_mb']:.0f} MB)")
print(f"ratio: airlock gate is {c / a:.1f}x faster than checkov's scan of the same plan")
PY
