#!/usr/bin/env bash
# Make the plan and state fixtures of Tests/TerraformTests/Cases/plans/<case>/ (and, with
# --cases, of Tests/GateTests/Fixtures/<case>/) with real Terraform, so that the tests read
# what Terraform writes.
#
#   scripts/gen-plan-fixtures.sh [CASE...]     regenerate the named cases (default: all)
#   scripts/gen-plan-fixtures.sh --keep ...    keep the scratch directory and print its path
#   scripts/gen-plan-fixtures.sh --cases DIR [CASE...]
#                                              cases in DIR instead of Tests/TerraformTests/
#                                              Cases/plans (e.g. Tests/GateTests/Fixtures)
#
# A case directory holds:
#   *.tf (and modules/)      the configuration that is planned
#   steps/<n>/               configurations applied first, in order, into one local state
#   steps/<n>/ALLOW_FAILURE  that step's apply is expected to fail part-way (deposed objects)
#   after-step-<n>.py        run after step n: changes made behind Terraform's back
#   taint                    addresses to `terraform taint` before planning, one per line
#   plans                    "OUTPUT.json [@DIR] [terraform plan options]" lines; default
#                            "plan.json". @DIR plans the configuration in DIR (a folder of
#                            the case, e.g. variants/replace) against the same state instead
#                            of the case's own *.tf
#   MOTO                     the case needs the AWS API: moto_server is started on loopback
#                            and TF_VAR_endpoint points at it
# and gets, byte for byte as Terraform wrote them:
#   <OUTPUT>.json            `terraform show -json` of each saved plan
#   terraform.tfstate        the state the plans were made against (cases with steps)
#   state.json               `terraform show -json` of that state
#
# Needs Terraform 1.11.4 (/usr/local/bin/terraform); the MOTO case also needs moto_server,
# boto3 and the AWS provider 5.100.0 in the filesystem mirror /opt/tf-plugins (override
# with AIRLOCK_TF_MIRROR). Nothing is fetched from a network. Identifiers and timestamps
# differ on every run, so regenerating changes the fixtures; the tests check structure.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="$REPO/Tests/TerraformTests/Cases/plans"
EXPECTED_TF_VERSION="1.11.4"
MIRROR="${AIRLOCK_TF_MIRROR:-/opt/tf-plugins}"

keep=0; names=()
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=1 ;;
        --cases)
            [ $# -ge 2 ] || { echo "error: --cases needs a directory" >&2; exit 2; }
            [ -d "$2" ] || { echo "error: --cases $2 is not a directory" >&2; exit 2; }
            CASES="$(cd "$2" && pwd)"; shift ;;
        --cases=*)
            [ -d "${1#--cases=}" ] || { echo "error: --cases ${1#--cases=} is not a directory" >&2; exit 2; }
            CASES="$(cd "${1#--cases=}" && pwd)" ;;
        -h|--help) sed -n '2,/^[^#]/p' "$0" | sed -n 's/^# \{0,1\}//p'; exit 0 ;;
        -*) echo "error: unknown option $1" >&2; exit 2 ;;
        *) names+=("${1%/}") ;;
    esac
    shift
done

if ! command -v terraform >/dev/null 2>&1; then
    echo "error: terraform is not on PATH; the fixtures need Terraform $EXPECTED_TF_VERSION" >&2
    exit 1
fi

if [ ${#names[@]} -eq 0 ]; then
    for d in "$CASES"/*/; do
        d="${d%/}"
        # Cases of our own have a configuration; copied fixtures (hashicorp/) do not.
        if compgen -G "$d/*.tf" >/dev/null; then names+=("$(basename "$d")"); fi
    done
fi

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/airlock-plan-fixtures.XXXXXX")"
MOTO_PID=""
cleanup() {
    if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
    if [ "$keep" = 1 ]; then echo "scratch kept: $SCRATCH" >&2; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT

printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "$MIRROR" >"$SCRATCH/terraformrc"
# A clean environment: nothing of the caller's TF_VAR_*, TF_CLI_ARGS*, TF_WORKSPACE, TF_DATA_DIR.
while IFS= read -r v; do unset "$v"; done < <(
    env | sed -n 's/^\(TF_VAR_[^=]*\|TF_CLI_ARGS[^=]*\|TF_WORKSPACE\|TF_DATA_DIR\|TF_LOG[^=]*\)=.*/\1/p')
export TF_CLI_CONFIG_FILE="$SCRATCH/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
version="$(terraform version -json | python3 -c 'import json,sys; print(json.load(sys.stdin)["terraform_version"])')"
if [ "$version" != "$EXPECTED_TF_VERSION" ]; then
    echo "error: terraform is $version; the fixtures are made with $EXPECTED_TF_VERSION" >&2
    exit 1
fi

# start_moto: moto_server on a free loopback port; sets TF_VAR_endpoint.
start_moto() {
    if ! command -v moto_server >/dev/null 2>&1; then
        echo "error: moto_server is not on PATH (pip install 'moto[server]'); needed by case $1" >&2
        exit 1
    fi
    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    moto_server -H 127.0.0.1 -p "$port" >"$SCRATCH/moto.log" 2>&1 &
    MOTO_PID=$!
    for _ in $(seq 50); do
        if curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/"; then break; fi
        sleep 0.2
    done
    export TF_VAR_endpoint="http://127.0.0.1:$port"
}

stop_moto() {
    if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null || true; wait "$MOTO_PID" 2>/dev/null || true; fi
    MOTO_PID=""
    unset TF_VAR_endpoint
}

# tf LOG DIR ARGS...: run terraform in DIR, output to LOG; fails with the log's tail.
tf() {
    local log="$1" dir="$2"; shift 2
    if ! (cd "$dir" && terraform "$@" -no-color) >>"$log" 2>&1; then
        echo "FAIL  terraform $1 in $dir (log: $log)" >&2
        tail -n 25 "$log" | sed 's/^/      /' >&2
        return 1
    fi
}

for name in "${names[@]}"; do
    src="$CASES/$name"
    [ -d "$src" ] || { echo "error: no case $name in $CASES" >&2; exit 2; }
    work="$SCRATCH/$name"; log="$SCRATCH/$name.log"
    mkdir -p "$work"
    # Only the inputs: configuration, steps, hooks, lists.
    tar -C "$src" --exclude='*.json' --exclude='*.tfstate' --exclude='*.tfstate.backup' \
        --exclude='.terraform' --exclude='.terraform.lock.hcl' -cf - . | tar -C "$work" -xf -
    [ -f "$src/MOTO" ] && start_moto "$name"

    state=""
    for step in $(cd "$work" && ls -d steps/*/ 2>/dev/null | sed 's#steps/\([0-9]*\)/#\1#' | sort -n); do
        dir="$work/steps/$step"
        [ -n "$state" ] && cp "$state" "$dir/terraform.tfstate"
        tf "$log" "$dir" init -input=false
        if [ -f "$dir/ALLOW_FAILURE" ]; then
            if (cd "$dir" && terraform apply -auto-approve -input=false -no-color) >>"$log" 2>&1; then
                echo "FAIL  $name: step $step was expected to fail part-way but succeeded (log: $log)" >&2
                exit 1
            fi
        else
            tf "$log" "$dir" apply -auto-approve -input=false
        fi
        state="$dir/terraform.tfstate"
        if [ -f "$work/after-step-$step.py" ]; then
            python3 "$work/after-step-$step.py" >>"$log" 2>&1 || { echo "FAIL  $name: after-step-$step.py (log: $log)" >&2; exit 1; }
        fi
    done
    [ -n "$state" ] && cp "$state" "$work/terraform.tfstate"

    tf "$log" "$work" init -input=false
    if [ -f "$work/taint" ]; then
        while IFS= read -r addr || [ -n "$addr" ]; do
            case "$addr" in ''|'#'*) continue ;; esac
            tf "$log" "$work" taint "$addr"
        done <"$work/taint"
    fi
    outputs=()
    if [ -n "$state" ]; then
        cp "$work/terraform.tfstate" "$src/terraform.tfstate"
        (cd "$work" && terraform show -json -no-color) >"$src/state.json"
        outputs+=(terraform.tfstate state.json)
    fi

    plans=("plan.json")
    if [ -f "$work/plans" ]; then
        plans=()
        while IFS= read -r line || [ -n "$line" ]; do
            case "$line" in ''|'#'*) continue ;; esac
            plans+=("$line")
        done <"$work/plans"
    fi
    for line in "${plans[@]}"; do
        read -r -a words <<<"$line"
        out="${words[0]}"; opts=("${words[@]:1}"); pdir="$work"
        if [ ${#opts[@]} -gt 0 ] && [ "${opts[0]#@}" != "${opts[0]}" ]; then
            pdir="$work/${opts[0]#@}"; opts=("${opts[@]:1}")
            [ -d "$pdir" ] || { echo "FAIL  $name: $out: no configuration ${pdir#$work/}" >&2; exit 1; }
            [ -n "$state" ] && cp "$work/terraform.tfstate" "$pdir/terraform.tfstate"
            tf "$log" "$pdir" init -input=false
        fi
        # -lock=false: data.terraform_remote_state may read this very state file.
        tf "$log" "$pdir" plan -input=false -lock=false -out=p.plan ${opts[@]+"${opts[@]}"}
        (cd "$pdir" && terraform show -json -no-color p.plan) >"$src/$out"
        if ! python3 -c 'import json,sys; sys.exit(1 if json.load(open(sys.argv[1])).get("errored") else 0)' "$src/$out"; then
            echo "FAIL  $name: $out is marked errored" >&2; exit 1
        fi
        outputs+=("$out")
    done
    [ -f "$src/MOTO" ] && stop_moto
    echo "ok    $name: ${outputs[*]}"
done
