#!/usr/bin/env bash
# Produce Terraform's own truth for the evaluation corpus (Tests/Corpus/eval/<config>/).
#
#   scripts/gen-eval-oracle.sh [CONFIG...]            regenerate <config>/plan.json
#   scripts/gen-eval-oracle.sh --check [CONFIG...]    re-plan into a temp dir and compare
#   scripts/gen-eval-oracle.sh --check --sample N     compare a deterministic subset of N
#
# Options: -j N / --jobs N   configs planned at once (default 2)
#          --keep            keep the scratch directory and print its path
#
# Per config: copy it to a scratch dir, `terraform init` (the provider comes from the
# filesystem mirror by symlink), `terraform plan -out=p.plan`
# with the config's options, `terraform show -json p.plan`, then store the JSON
# pretty-printed with sorted keys, numbers kept exactly as Terraform wrote them, the
# per-run `timestamp` blanked, and the two lists Terraform writes in map-iteration order
# put in a fixed one (`relevant_attributes` by resource then attribute, every
# `child_modules` by address), so regenerating gives no diff.
#
# --check compares the whole canonical document (planned_values, resource_changes,
# output_changes, prior_state, configuration, terraform_version, ...; only `timestamp`
# is ignored), prints the top-level keys and resource actions that differ and a unified
# diff, and exits 1 on any difference or failed plan.
#
# Per-config inputs (both also apply to Airlock's own evaluation of the config):
#   airlock.args  extra CLI options for `terraform plan`, one per line, taken verbatim
#                 (no shell quoting): e.g. -var-file=extra.tfvars or -var=env=prod
#   airlock.env   NAME=value lines exported for the run (TF_VAR_name=value)
#   In both files, blank lines and lines starting with '#' are ignored.
# The workspace is always `default`; TF_VAR_*, TF_CLI_ARGS* and TF_WORKSPACE from the
# caller's environment are removed.
#
# Cost: each AWS config starts the 700 MB provider for plan and again for show, about
# 6 s of CPU; the 50 configs take about 7 minutes on a busy 2-core machine (roughly
# half that when idle), so a quick gate should use --check --sample 10.
#
# Needs Terraform 1.11.4 and the AWS provider 5.100.0 in the filesystem mirror
# /opt/tf-plugins (override with AIRLOCK_TF_MIRROR); nothing is fetched from a network.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="$REPO/Tests/Corpus/eval"
SELF="$REPO/scripts/gen-eval-oracle.sh"
EXPECTED_TF_VERSION="1.11.4"
MIRROR="${AIRLOCK_TF_MIRROR:-/opt/tf-plugins}"

# ---------------------------------------------------------------------------------
# JSON canonicalisation: sorted keys, 2-space indent, numbers kept as their exact text.
canon_json() { # canon_json IN OUT
    python3 - "$1" "$2" <<'PY'
import json, sys

class Num(str):
    """A JSON number kept as the exact text Terraform wrote."""

def enc(v, ind, out):
    pad = "  " * ind
    if isinstance(v, dict):
        if not v:
            out.append("{}"); return
        out.append("{\n")
        items = sorted(v.items())
        for i, (k, x) in enumerate(items):
            out.append(pad + "  " + json.dumps(k, ensure_ascii=False) + ": ")
            enc(x, ind + 1, out)
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(pad + "}")
    elif isinstance(v, list):
        if not v:
            out.append("[]"); return
        out.append("[\n")
        for i, x in enumerate(v):
            out.append(pad + "  ")
            enc(x, ind + 1, out)
            out.append(",\n" if i + 1 < len(v) else "\n")
        out.append(pad + "]")
    elif isinstance(v, Num):
        out.append(str.__str__(v))
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif v is None:
        out.append("null")
    else:
        out.append(json.dumps(v, ensure_ascii=False))

def stabilise(v):
    """Put in a fixed order the lists Terraform writes in map-iteration order."""
    if isinstance(v, dict):
        for k, x in v.items():
            stabilise(x)
        kids = v.get("child_modules")
        if isinstance(kids, list):
            kids.sort(key=lambda m: m.get("address", ""))
    elif isinstance(v, list):
        for x in v:
            stabilise(x)

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    doc = json.load(f, parse_float=Num, parse_int=Num, parse_constant=Num)
if isinstance(doc, dict):
    if "timestamp" in doc:
        doc["timestamp"] = ""      # changes on every run
    stabilise(doc)
    ra = doc.get("relevant_attributes")
    if isinstance(ra, list):
        ra.sort(key=lambda r: (r.get("resource", ""), json.dumps(r.get("attribute"))))
out = []
enc(doc, 0, out)
with open(dst, "w", encoding="utf-8") as f:
    f.write("".join(out) + "\n")
PY
}

# ---------------------------------------------------------------------------------
# Internal: plan one config.  --_one NAME SCRATCH OUTFILE
if [ "${1:-}" = "--_one" ]; then
    name="$2"; scratch="$3"; outfile="$4"
    src="$CORPUS/$name"
    work="$scratch/$name"
    log="$scratch/$name.log"
    rm -rf "$work"; mkdir -p "$work"
    cp -R "$src/." "$work/"
    rm -rf "$work/.terraform" "$work/.terraform.lock.hcl" "$work/plan.json" "$work/p.plan"

    args=()
    if [ -f "$src/airlock.args" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            case "$line" in ''|'#'*) continue ;; esac
            args+=("$line")
        done < "$src/airlock.args"
    fi
    envs=()
    if [ -f "$src/airlock.env" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            case "$line" in ''|'#'*) continue ;; esac
            envs+=("$line")
        done < "$src/airlock.env"
    fi

    # A clean environment for Terraform: nothing of the caller's TF_VAR_* / TF_CLI_ARGS*.
    unset_list=()
    while IFS= read -r v; do unset_list+=(-u "$v"); done < <(
        env | sed -n 's/^\(TF_VAR_[^=]*\|TF_CLI_ARGS[^=]*\|TF_WORKSPACE\|TF_DATA_DIR\|TF_LOG[^=]*\)=.*/\1/p')
    tfenv=(env ${unset_list[@]+"${unset_list[@]}"} ${envs[@]+"${envs[@]}"})

    t0=$EPOCHREALTIME
    if ! (cd "$work" && "${tfenv[@]}" terraform init -input=false -no-color) >"$log" 2>&1; then
        echo "FAIL    $name: terraform init failed (rerun with --keep to see its log)" >&2
        tail -n 30 "$log" | sed 's/^/      /' >&2
        exit 1
    fi
    t1=$EPOCHREALTIME
    if ! (cd "$work" && "${tfenv[@]}" terraform plan -input=false -no-color -lock=false \
            -out=p.plan ${args[@]+"${args[@]}"}) >>"$log" 2>&1; then
        echo "FAIL    $name: terraform plan failed (rerun with --keep to see its log)" >&2
        sed -n '/Error/,$p' "$log" | head -n 40 | sed 's/^/      /' >&2
        exit 1
    fi
    t2=$EPOCHREALTIME
    if ! (cd "$work" && terraform show -json -no-color p.plan >plan.raw.json) 2>>"$log"; then
        echo "FAIL    $name: terraform show -json failed (rerun with --keep to see its log)" >&2
        exit 1
    fi
    if ! python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(1 if d.get("errored") else 0)' \
            "$work/plan.raw.json"; then
        echo "FAIL    $name: the saved plan is marked errored" >&2
        exit 1
    fi
    canon_json "$work/plan.raw.json" "$outfile"
    t3=$EPOCHREALTIME
    awk -v n="$name" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v s="$(wc -c <"$outfile")" \
        -v l="${AIRLOCK_ORACLE_LABEL:-wrote}" \
        'BEGIN { printf "%-7s %-34s init %5.1fs  plan %5.1fs  show %4.1fs  %8d bytes\n", l, n, b-a, c-b, d-c, s }'
    rm -rf "$work"
    exit 0
fi

# ---------------------------------------------------------------------------------
usage() { sed -n '2,9p' "$SELF" | sed 's/^# \{0,1\}//'; }

mode=generate; sample=""; jobs=2; keep=0; names=()
while [ $# -gt 0 ]; do
    case "$1" in
        --check) mode=check ;;
        --sample) shift; sample="${1:?--sample needs a number}" ;;
        --sample=*) sample="${1#--sample=}" ;;
        -j|--jobs) shift; jobs="${1:?--jobs needs a number}" ;;
        --jobs=*) jobs="${1#--jobs=}" ;;
        --keep) keep=1 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "error: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) names+=("$(basename "${1%/}")") ;;
    esac
    shift
done
if [ -n "$sample" ] && ! [[ "$sample" =~ ^[0-9]+$ && "$sample" -gt 0 ]]; then
    echo "error: --sample needs a positive number, got '$sample'" >&2; exit 2
fi
if ! [[ "$jobs" =~ ^[0-9]+$ && "$jobs" -gt 0 ]]; then
    echo "error: --jobs needs a positive number, got '$jobs'" >&2; exit 2
fi

if ! command -v terraform >/dev/null 2>&1; then
    echo "error: terraform is not on PATH. The evaluation oracle needs Terraform $EXPECTED_TF_VERSION" >&2
    echo "       (the project image has it at /usr/local/bin/terraform)." >&2
    exit 1
fi
for tool in python3 awk; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "error: $tool is not on PATH; this script needs it" >&2; exit 1
    fi
done
tf_version=$(terraform version -json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["terraform_version"])' || true)
if [ "$tf_version" != "$EXPECTED_TF_VERSION" ]; then
    echo "warning: terraform is version '${tf_version:-unknown}', the corpus was generated with $EXPECTED_TF_VERSION;" >&2
    echo "         plans will differ in terraform_version (and --check will fail)." >&2
fi
if [ ! -d "$MIRROR/registry.terraform.io/hashicorp/aws" ]; then
    echo "error: no AWS provider in the filesystem mirror $MIRROR (set AIRLOCK_TF_MIRROR)" >&2
    exit 1
fi

if [ ${#names[@]} -eq 0 ]; then
    while IFS= read -r d; do names+=("$(basename "$d")"); done < <(
        find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort)
else
    for n in "${names[@]}"; do
        if [ ! -d "$CORPUS/$n" ]; then echo "error: no config $CORPUS/$n" >&2; exit 2; fi
    done
fi
if [ -n "$sample" ] && [ "$sample" -lt ${#names[@]} ]; then
    # Deterministic subset: evenly spaced over the sorted list (always the first one).
    total=${#names[@]}; picked=()
    for ((i = 0; i < sample; i++)); do picked+=("${names[$(( i * total / sample ))]}"); done
    names=("${picked[@]}")
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/airlock-eval-oracle.XXXXXX")
cleanup() { if [ "$keep" = 1 ]; then echo "scratch kept: $scratch"; else rm -rf "$scratch"; fi; }
trap cleanup EXIT
mkdir -p "$scratch/out"
# An unpacked filesystem mirror is installed by symlink (about 0.6 s per init), so no
# plugin_cache_dir is needed; a shared cache only adds races between parallel inits.
cat >"$scratch/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
EOF
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 NO_COLOR=1

# Check once that the mirror serves the provider, with a clear message if not.
mkdir -p "$scratch/warm"
cat >"$scratch/warm/main.tf" <<'EOF'
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}
EOF
if ! (cd "$scratch/warm" && terraform init -input=false -no-color) >"$scratch/warm.log" 2>&1; then
    echo "error: terraform init cannot install hashicorp/aws 5.100.0 from $MIRROR:" >&2
    cat "$scratch/warm.log" >&2
    exit 1
fi

echo "$mode: ${#names[@]} config(s), $jobs at a time, terraform $tf_version"
start=$EPOCHREALTIME
status=0
if [ "$mode" = generate ]; then
    printf '%s\n' "${names[@]}" | xargs -P "$jobs" -I{} \
        bash "$SELF" --_one {} "$scratch" "$CORPUS/{}/plan.json" || status=1
else
    printf '%s\n' "${names[@]}" | AIRLOCK_ORACLE_LABEL=planned xargs -P "$jobs" -I{} \
        bash "$SELF" --_one {} "$scratch" "$scratch/out/{}.json" || status=1
    differ=0; missing=0
    for n in "${names[@]}"; do
        fresh="$scratch/out/$n.json"; stored="$CORPUS/$n/plan.json"
        if [ ! -f "$fresh" ]; then
            echo "FAIL    $n: no fresh plan (see above)"; status=1; continue
        fi
        if [ ! -f "$stored" ]; then
            echo "FAIL    $n: no checked-in plan.json; run scripts/gen-eval-oracle.sh $n"
            missing=$((missing + 1)); status=1; continue
        fi
        # Compare stored JSON re-canonicalised (tolerates hand formatting of the file).
        canon_json "$stored" "$scratch/out/$n.stored.json"
        if cmp -s "$scratch/out/$n.stored.json" "$fresh"; then
            echo "same    $n"
        else
            differ=$((differ + 1)); status=1
            echo "DIFF    $n: the checked-in plan.json differs from a fresh plan; changed parts:"
            python3 - "$scratch/out/$n.stored.json" "$fresh" <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        print("      top-level key:", k)
if a.get("terraform_version") != b.get("terraform_version"):
    print("      terraform_version: stored %r, fresh %r" % (a.get("terraform_version"), b.get("terraform_version")))
ra = {r["address"]: r["change"]["actions"] for r in a.get("resource_changes", [])}
rb = {r["address"]: r["change"]["actions"] for r in b.get("resource_changes", [])}
for addr in sorted(set(ra) | set(rb)):
    if ra.get(addr) != rb.get(addr):
        print("      %s: actions stored %s, fresh %s" % (addr, ra.get(addr), rb.get(addr)))
PY
            diff -u --label "stored/$n/plan.json" --label "fresh/$n/plan.json" \
                "$scratch/out/$n.stored.json" "$fresh" | head -n 60 | sed 's/^/      /' || true
        fi
    done
    echo "check: ${#names[@]} config(s), $differ differ, $missing without plan.json"
fi
end=$EPOCHREALTIME
awk -v m="$mode" -v a="$start" -v b="$end" 'BEGIN { printf "%s took %.1fs\n", m, b-a }'
if [ "$status" != 0 ]; then
    echo "FAILED: see the messages above" >&2
fi
exit "$status"
