#!/usr/bin/env bash
# Evaluation speed: `airlock eval` against `terraform plan` on the same generated
# configuration (scripts/gen-eval-bench.py: 1,000 resource instances from for_each and
# count over variables and locals), in the same run. Both are whole processes, timed
# with the median of RUNS runs. terraform_data needs no provider, so Terraform's time is
# its own evaluation and planning, not provider start-up.
#
# usage: scripts/bench-eval.sh [RESOURCES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
resources="${1:-1000}"
runs="${2:-5}"
command -v terraform >/dev/null || { echo "bench-eval: terraform is not installed" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/gen-eval-bench.py" "$work/config" "$resources"
# AIRLOCK_BIN names an already built binary; otherwise a release build is made.
airlock="${AIRLOCK_BIN:-}"
if [ -z "$airlock" ]; then
  (cd "$root" && swift build -c release --product airlock >/dev/null)
  airlock="$(cd "$root" && swift build -c release --show-bin-path)/airlock"
fi
printf 'provider_installation {\n  filesystem_mirror {\n    path = "/opt/tf-plugins"\n  }\n}\n' > "$work/terraformrc"
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
(cd "$work/config" && terraform init -input=false >/dev/null)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

count=$("$airlock" eval "$work/config" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
ours=$(time_runs "$airlock" eval "$work/config" --format json)
theirs=$(cd "$work/config" && time_runs terraform plan -input=false -refresh=false -lock=false)
echo "configuration: $resources generated resource instances (Airlock evaluated $count)"
printf 'airlock eval --format json : %8.3f s (median of %s)\n' "$ours" "$runs"
printf 'terraform plan             : %8.3f s (median of %s)\n' "$theirs" "$runs"
printf 'ratio                      : %8.1fx faster than terraform plan\n' "$(echo "$theirs / $ours" | bc -l)"
