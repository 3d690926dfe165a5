#!/usr/bin/env bash
# Scan speed and memory: `airlock scan` against `checkov -d` and `trivy config` on the same
# generated corpus (scripts/gen-scan-corpus.py: a root module of ~200 files with local
# modules called many times, variables, locals, for_each, dynamic blocks), in the same
# run. Every tool is a whole process timed by /usr/bin/time -v (wall time and peak
# resident memory), one untimed warm-up and then RUNS timed runs each; the median is
# reported. Writes .build-tools/bench-scan.json.
#
# usage: scripts/bench-scan.sh [SERVICES] [RUNS]        (defaults: 180 services, 3 runs)
#   AIRLOCK_BIN=path   use this airlock instead of a release build
#   CHECKOV_BIN=path TRIVY_BIN=path   use these instead of .build-tools/venv-peers
#   BENCH_KEEP=1       keep the corpus and the tools' outputs (path printed at the end)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
services="${1:-180}"
runs="${2:-3}"

if [ ! -x /usr/bin/time ]; then
  # GNU time reports peak RSS; the shell keyword `time` does not.
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [ -z "${CHECKOV_BIN:-}" ] || [ -z "${TRIVY_BIN:-}" ]; then
  eval "$("$root/scripts/install-peers.sh")"
fi
airlock="${AIRLOCK_BIN:-}"
if [ -z "$airlock" ]; then
  if ! (cd "$root" && swift build -c release --product airlock >"$root/.build-tools/bench-scan-build.log" 2>&1); then
    tail -n 30 "$root/.build-tools/bench-scan-build.log" >&2
    echo "bench-scan: the release build failed (log: .build-tools/bench-scan-build.log)" >&2
    exit 1
  fi
  airlock="$(cd "$root" && swift build -c release --show-bin-path)/airlock"
fi

work="$(mktemp -d)"
if [ -z "${BENCH_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
# A private copy: another build in this tree may replace the binary during the runs.
cp "$airlock" "$work/airlock"
airlock="$work/airlock"
python3 "$root/scripts/gen-scan-corpus.py" "$work/corpus" --services "$services" >&2
corpus="$work/corpus"

# Each tool as its users run it in CI: JSON report, offline, every finding written out.
command_for() {
  case "$1" in
    airlock) cmd=("$airlock" scan "$corpus" --format json) ;;
    checkov) cmd=("$CHECKOV_BIN" -d "$corpus" --framework terraform -o json --quiet --skip-download) ;;
    trivy) cmd=("$TRIVY_BIN" config --skip-check-update --skip-version-check --misconfig-scanners terraform
                --cache-dir "$work/trivy-cache" --quiet --format json "$corpus") ;;
  esac
}
measure() { # TOOL RUN OUTPUT: exit codes are ignored (1 = findings failed, for all three)
  local cmd
  command_for "$1"
  /usr/bin/time -v -o "$work/time-$1-$2.txt" "${cmd[@]}" >"$3" 2>>"$work/err-$1.txt" || true
}
for tool in airlock checkov trivy; do
  echo "bench-scan: $tool warm-up" >&2
  measure "$tool" 0 "$work/out-$tool.json"
done
# Interleaved, so that a burst of load on the machine falls on all three alike.
for i in $(seq "$runs"); do
  for tool in airlock checkov trivy; do
    echo "bench-scan: $tool run $i/$runs" >&2
    measure "$tool" "$i" /dev/null
  done
done

python3 - "$work" "$runs" "$root/.build-tools/bench-scan.json" "$airlock" "$CHECKOV_BIN" "$TRIVY_BIN" <<'PY'
import datetime, json, os, platform, re, statistics, subprocess, sys
work, runs, out_path, airlock, checkov, trivy = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]

def parse_time(path):
    text = open(path).read()
    def field(name):
        m = re.search(re.escape(name) + r": (.*)", text)
        return m.group(1).strip() if m else None
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    status = re.search(r"Command exited with non-zero status (\d+)", text)
    return {"wall_s": seconds, "user_s": float(field("User time (seconds)")), "sys_s": float(field("System time (seconds)")),
            "max_rss_kb": int(field("Maximum resident set size (kbytes)")), "exit": int(status.group(1)) if status else 0}

def counts(tool):
    try:
        doc = json.load(open(os.path.join(work, f"out-{tool}.json")))
    except (OSError, ValueError) as e:
        return {"error": f"no JSON output ({e})"}
    if tool == "airlock":
        s = doc["summary"]
        return {"resources": s["resources"], "checks": s["checks"], "failed": s["failed"], "unknown": s["unknown"], "passed": s["passed"]}
    if tool == "checkov":
        reports = doc if isinstance(doc, list) else [doc]
        s = [r["summary"] for r in reports if "summary" in r]
        return {"resources": sum(x.get("resource_count", 0) for x in s), "failed": sum(x.get("failed", 0) for x in s),
                "passed": sum(x.get("passed", 0) for x in s), "parsing_errors": sum(x.get("parsing_errors", 0) for x in s)}
    results = doc.get("Results") or []
    return {"files": len(results), "failed": sum((r.get("MisconfSummary") or {}).get("Failures", 0) for r in results),
            "passed": sum((r.get("MisconfSummary") or {}).get("Successes", 0) for r in results)}

def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()
    except OSError:
        return "?"
    for line in out:
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return out[-1] if out else "?"

corpus = os.path.join(work, "corpus")
tf_files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".tf")]
blocks = sum(1 for p in tf_files for line in open(p) if line.startswith("resource "))
result = {
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cores": os.cpu_count(), "platform": platform.platform(), "load_average_at_end": os.getloadavg()},
    "corpus": {"tf_files": len(tf_files), "resource_blocks": blocks, "bytes": sum(os.path.getsize(p) for p in tf_files)},
    "runs": runs,
    "tools": {},
}
versions = {"airlock": "this tree", "checkov": version([checkov, "--version"]), "trivy": version([trivy, "--version"])}
for tool in ("airlock", "checkov", "trivy"):
    samples = [parse_time(os.path.join(work, f"time-{tool}-{i}.txt")) for i in range(1, runs + 1)]
    result["tools"][tool] = {
        "version": versions[tool],
        "wall_s_median": statistics.median(s["wall_s"] for s in samples),
        "cpu_s_median": statistics.median(s["user_s"] + s["sys_s"] for s in samples),
        "max_rss_mb_median": statistics.median(s["max_rss_kb"] for s in samples) / 1024,
        "samples": samples,
        "warmup": parse_time(os.path.join(work, f"time-{tool}-0.txt")),
        "output": counts(tool),
        "stderr_tail": open(os.path.join(work, f"err-{tool}.txt"), errors="replace").read()[-600:],
    }
t = result["tools"]
a = t["airlock"]
result["ratios"] = {
    f"{peer}_over_airlock": {
        "wall": round(t[peer]["wall_s_median"] / a["wall_s_median"], 1) if a["wall_s_median"] else None,
        "cpu": round(t[peer]["cpu_s_median"] / a["cpu_s_median"], 1) if a["cpu_s_median"] else None,
        "max_rss": round(t[peer]["max_rss_mb_median"] / a["max_rss_mb_median"], 1) if a["max_rss_mb_median"] else None,
    } for peer in ("checkov", "trivy")
}
os.makedirs(os.path.dirname(out_path), exist_ok=True)
with open(out_path, "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")

c = result["corpus"]
print(f"corpus: {c['tf_files']} .tf files, {c['resource_blocks']} resource blocks, {c['bytes'] // 1024} KiB "
      f"(Airlock evaluated {a['output'].get('resources', '?')} resource instances)")
print(f"machine: {result['machine']['cores']} cores, load average at end {', '.join(f'{x:.1f}' for x in result['machine']['load_average_at_end'])}")
print(f"{'tool':<10} {'version':<12} {'wall (median)':>14} {'cpu (median)':>13} {'peak RSS':>10}   output")
for tool in ("airlock", "checkov", "trivy"):
    x = t[tool]
    out = ", ".join(f"{k} {v}" for k, v in x["output"].items())
    print(f"{tool:<10} {x['version']:<12} {x['wall_s_median']:>12.2f} s {x['cpu_s_median']:>11.2f} s {x['max_rss_mb_median']:>7.0f} MB   {out}")
for peer in ("checkov", "trivy"):
    r = result["ratios"][f"{peer}_over_airlock"]
    print(f"{peer} / airlock: wall {r['wall']}x, cpu {r['cpu']}x, peak RSS {r['max_rss']}x")
print(f"(median of {runs} runs each, after one warm-up; JSON: {out_path})")
PY
if [ -n "${BENCH_KEEP:-}" ]; then echo "bench-scan: kept $work" >&2; fi
