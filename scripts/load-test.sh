#!/usr/bin/env bash
# Load test of `airlock serve`: wrk posts plans to POST /api/v1/plans for DURATION seconds
# (2 threads, 16 connections), then checks that nothing was lost or refused:
#   - every response was 201, with no socket errors or timeouts;
#   - the server is still up (/healthz);
#   - the audit chain verifies, and holds exactly the policy event of the first start plus
#     a scan and a decision event for every decision (both or neither, never one);
#   - the server recorded at least as many decisions as wrk saw acknowledged, and at most
#     the requests wrk left in flight when it stopped (CONNECTIONS per phase) more.
# Two phases: the dev-tag-change plan (allowed, small) for DURATION, the number reported;
# then a mix with iam-wildcard (which waits for approval) for DURATION/4.
# Prints one summary line and writes .build/load-test-{sqlite,postgres}.json. Throughput
# and latency are reported, never judged: the machine's noise is not the server's fault.
# Exits non-zero on any error.
#
# usage: scripts/load-test.sh [--duration SECONDS] [--database postgres://...] [--connections N]
#   --database   runs against PostgreSQL, in a new database created there (and dropped after)
#   AIRLOCK_BIN          the airlock binary to test (default: a release build, made here)
#   AIRLOCK_BUILD_PATH   the build directory for that build (swift build --scratch-path)
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "load-test: $*" >&2; exit 1; }

duration=60
database=""
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2:?--duration needs SECONDS}"; shift 2 ;;
    --database) database="${2:?--database needs a URL}"; shift 2 ;;
    --connections) connections="${2:?--connections needs N}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$duration" =~ ^[0-9]+$ ]] && [ "$duration" -ge 1 ] || die "--duration must be a whole number of seconds"
[[ "$connections" =~ ^[0-9]+$ ]] && [ "$connections" -ge 2 ] || die "--connections must be at least 2"
command -v wrk >/dev/null 2>&1 || die "wrk is not installed: run scripts/install-server-tools.sh"
command -v python3 >/dev/null 2>&1 || die "python3 is needed for the checks"

if [ -n "${AIRLOCK_BIN:-}" ]; then
  bin="$AIRLOCK_BIN"
  case "$bin" in */release/*) build="release (AIRLOCK_BIN)" ;; */debug/*) build="debug (AIRLOCK_BIN)" ;; *) build="AIRLOCK_BIN" ;; esac
else
  scratch=()
  [ -n "${AIRLOCK_BUILD_PATH:-}" ] && scratch=(--scratch-path "$AIRLOCK_BUILD_PATH")
  echo "load-test: building airlock (release)" >&2
  swift build -c release --product airlock "${scratch[@]}" >&2
  bin="$(swift build -c release --show-bin-path "${scratch[@]}")/airlock"
  build="release"
fi
[ -x "$bin" ] || die "no airlock binary at $bin"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

root="$(pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-load.XXXXXX")"
server_pid=""
dropdb_url=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$dropdb_url" ]; then
    psql "$database" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

store_args=(--state-dir "$work/state")
backend=sqlite
if [ -n "$database" ]; then
  command -v psql >/dev/null 2>&1 || die "psql is needed to create the test database"
  backend=postgres
  dbname="airlock_load_$(date +%s)_$$"
  psql "$database" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $dbname" >/dev/null || die "cannot create database $dbname at $database"
  dropdb_url=yes
  url="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$database" "$dbname")"
  store_args+=(--database "$url")
fi

# The server runs in an empty directory: no airlock.yaml, so the default policy.
token="$(cd "$work" && "$bin" token create --name load-test --role agent --actor agent:claude-code \
  --on-behalf-of human:alice "${store_args[@]}" 2>"$work/token.log")" || { cat "$work/token.log" >&2; die "token create failed"; }
(cd "$work" && exec "$bin" serve --port 0 "${store_args[@]}") >"$work/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$work/serve.log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; die "the server exited before listening"; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log" >&2; die "the server did not listen within 60 s"; }
base="http://127.0.0.1:$port"
echo "load-test: $backend, $build build, server on $base, ${duration}s at $connections connections" >&2

fixtures="$root/Tests/GateTests/Fixtures"
# run_wrk NAME SECONDS: runs one phase and leaves its RESULT line in $work/NAME.result.
run_wrk() {
  local name="$1" seconds="$2"
  AIRLOCK_TOKEN="$token" AIRLOCK_EXPECT_STATUS=201 \
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$root/scripts/wrk-post.lua" \
    "$base/api/v1/plans?workspace=dev" >"$work/$name.wrk" 2>&1 || { cat "$work/$name.wrk" >&2; die "wrk failed ($name)"; }
  grep '^RESULT ' "$work/$name.wrk" | tail -n 1 >"$work/$name.result" || { cat "$work/$name.wrk" >&2; die "wrk printed no RESULT ($name)"; }
}
AIRLOCK_BODY_FILE="$fixtures/dev-tag-change/plan.json" run_wrk steady "$duration"
mix_seconds=$(( duration / 4 > 5 ? duration / 4 : 5 ))
AIRLOCK_BODY_FILES="$fixtures/dev-tag-change/plan.json,$fixtures/iam-wildcard/plan.json" run_wrk mix "$mix_seconds"

kill -0 "$server_pid" 2>/dev/null || { tail -n 50 "$work/serve.log" >&2; die "the server died under load"; }

mkdir -p .build
out=".build/load-test-$backend.json"
python3 - "$base" "$token" "$work/steady.result" "$work/mix.result" "$out" "$backend" "$build" "$duration" "$connections" <<'EOF'
import json, sys, urllib.request

base, token, steady_path, mix_path, out, backend, build, duration, connections = sys.argv[1:10]
connections = int(connections)
problems = []

def result(path):
    line = open(path).read().split()
    fields = dict(f.split("=", 1) for f in line[1:])
    return {k: (float(v) if "." in v else int(v)) for k, v in fields.items()}

phases = {"steady": result(steady_path), "mix": result(mix_path)}
for name, r in phases.items():
    for key in ("errors_status", "errors_connect", "errors_read", "errors_write", "errors_timeout", "unexpected"):
        if r.get(key, 0) != 0:
            problems.append(f"{name}: {key}={r[key]}")
    if r["requests"] == 0:
        problems.append(f"{name}: no request completed")

def get(path, auth=True):
    request = urllib.request.Request(base + path)
    if auth:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, json.load(response)

status, health = get("/healthz", auth=False)
if status != 200 or health.get("status") != "ok":
    problems.append(f"/healthz: {status} {health}")

counts, outcomes, events, after = {}, {}, 0, 0
while True:
    _, page = get(f"/api/v1/audit?after={after}&limit=1000")
    batch = page["events"]
    if not batch:
        break
    for event in batch:
        counts[event["kind"]] = counts.get(event["kind"], 0) + 1
        if event["kind"] == "decision":
            outcome = event.get("details", {}).get("outcome", "?")
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    events += len(batch)
    after = batch[-1]["seq"]

_, verify = get("/api/v1/audit/verify")
decisions = counts.get("decision", 0)
policy = counts.get("configuration_change", 0)
acknowledged = sum(r["requests"] for r in phases.values())
if verify.get("valid") is not True:
    problems.append(f"audit chain invalid: {verify.get('problems')}")
if verify.get("events") != events:
    problems.append(f"verify counts {verify.get('events')} events, the pages {events}")
if policy != 1:
    problems.append(f"{policy} configuration_change events, expected 1 (the first start)")
if counts.get("scan", 0) != decisions:
    problems.append(f"{counts.get('scan', 0)} scan events for {decisions} decision events")
if events != policy + 2 * decisions:
    problems.append(f"{events} events, expected {policy} + 2 x {decisions} decisions: {counts}")
if len(outcomes) < 2:
    problems.append(f"the mix phase made no second kind of decision: {outcomes}")
if not acknowledged <= decisions <= acknowledged + connections * len(phases):
    problems.append(f"{decisions} decisions recorded for {acknowledged} acknowledged")

steady = phases["steady"]
report = {
    "backend": backend, "build": build, "duration_s": int(duration), "threads": 2, "connections": connections,
    "plan": "dev-tag-change", "requests": steady["requests"], "rps": steady["rps"],
    "p50_ms": steady["p50_ms"], "p90_ms": steady["p90_ms"], "p99_ms": steady["p99_ms"], "max_ms": steady["max_ms"],
    "mix": {"plans": ["dev-tag-change", "iam-wildcard"], **{k: phases["mix"][k] for k in ("requests", "rps", "p50_ms", "p99_ms")}},
    "decisions": decisions, "outcomes": outcomes, "audit_events": events, "audit_valid": verify.get("valid") is True,
    "problems": problems,
}
with open(out, "w") as f:
    json.dump(report, f, indent=2, sort_keys=True)
    f.write("\n")
mix = phases["mix"]
print(f"load-test {backend} ({build}): {steady['rps']:.0f} req/s, p50 {steady['p50_ms']:.2f} ms, p99 {steady['p99_ms']:.2f} ms"
      f" over {steady['requests']} requests in {duration}s at {connections} connections;"
      f" mix with iam-wildcard {mix['rps']:.0f} req/s, p99 {mix['p99_ms']:.2f} ms;"
      f" {decisions} decisions, {events} audit events, chain {'valid' if verify.get('valid') else 'INVALID'} -> {out}")
for p in problems:
    print("load-test: error: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
