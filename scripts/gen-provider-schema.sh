#!/usr/bin/env bash
# Regenerates Sources/Terraform/Resources/aws-provider-schema.jsonl from the AWS provider
# in the image's plugin mirror (`terraform providers schema -json`), stripped to what static
# evaluation needs: per resource and data source type, each attribute's cty type and flags
# (r required, o optional, c computed, s sensitive, d deprecated) and each nested block's
# nesting mode, min/max items and body. One line per type: `r|d <TAB> type <TAB> json`,
# so the evaluator parses only the types a configuration uses.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Sources/Terraform/Resources/aws-provider-schema.jsonl"
command -v terraform >/dev/null || { echo "gen-provider-schema: terraform is not installed" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'provider_installation {\n  filesystem_mirror {\n    path = "/opt/tf-plugins"\n  }\n}\n' > "$work/terraformrc"
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cat > "$work/main.tf" <<'TF'
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
TF
(cd "$work" && terraform init -input=false >/dev/null && terraform providers schema -json > schema.json)
python3 - "$work/schema.json" "$out" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1]))
provider = schema["provider_schemas"]["registry.terraform.io/hashicorp/aws"]

def nested_type(nt):
    obj = ["object", {k: attribute_type(a) for k, a in nt["attributes"].items()}]
    return obj if nt["nesting_mode"] == "single" else [nt["nesting_mode"], obj]

def attribute_type(a):
    return a["type"] if "type" in a else nested_type(a["nested_type"])

def strip(block):
    attributes = {}
    for name, a in block.get("attributes", {}).items():
        flags = "".join(f for f, key in (("r", "required"), ("o", "optional"), ("c", "computed"),
                                           ("s", "sensitive"), ("d", "deprecated")) if a.get(key))
        attributes[name] = [attribute_type(a), flags]
    blocks = {name: [b["nesting_mode"], b.get("min_items", 0), b.get("max_items", 0), strip(b["block"])]
              for name, b in block.get("block_types", {}).items()}
    out = {"a": attributes}
    if blocks:
        out["b"] = blocks
    return out

lines = []
for kind, key in (("r", "resource_schemas"), ("d", "data_source_schemas")):
    for name in sorted(provider[key]):
        lines.append(f"{kind}\t{name}\t" + json.dumps(strip(provider[key][name]["block"]), separators=(",", ":"), sort_keys=True))
with open(sys.argv[2], "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"gen-provider-schema: {len(lines)} types -> {sys.argv[2]}")
PY
