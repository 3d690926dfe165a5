#!/usr/bin/env bash
# Make a LARGE real Terraform plan for benchmarks: a configuration of N resource instances
# (count) across a realistic mix of AWS types, planned offline by Terraform itself.
#
#   scripts/gen-large-plan.sh OUT_DIR [N]      N defaults to 5000
#
# Writes into OUT_DIR (created if missing; only these names are touched):
#   main.tf        the configuration (aws provider with dummy credentials and skip flags)
#   plan.tfplan    the binary plan (`terraform plan -out`)
#   plan.json      `terraform show -json plan.tfplan`, byte for byte as Terraform wrote it
#   timings.txt    seconds taken by terraform init, plan and show, and the plan.json size
#   terraform.log  what terraform printed
#   .terraform/, .terraform.lock.hcl   Terraform's working files
#
# The mix, by share of N (one count block per type, so the total is exactly N):
#   aws_instance 30%       sizes from t3.micro to m5.24xlarge, root volumes some unencrypted
#   aws_s3_bucket 25%      (the remainder of the rounding)
#   aws_security_group 15% every 5th open to 0.0.0.0/0 on port 22
#   aws_iam_policy 12%     every 10th allows Action "*" on Resource "*"
#   aws_iam_role 10%
#   aws_db_instance 8%     postgres and mysql, db.t3.micro to db.r5.2xlarge, some public
# All are creates: no state, no moto, no network. The output is not committed; benchmarks
# make it on demand.
#
# Needs Terraform 1.11.4 and the AWS provider 5.100.0 in the filesystem mirror
# /opt/tf-plugins (override with AIRLOCK_TF_MIRROR).
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    sed -n '2,/^[^#]/p' "$0" | sed -n 's/^# \{0,1\}//p'
    [ $# -ge 1 ] && { [ "$1" = "-h" ] || [ "$1" = "--help" ]; } && exit 0
    exit 2
fi
OUT="$1"; N="${2:-5000}"
case "$N" in ''|*[!0-9]*) echo "error: N must be a positive integer, got '$N'" >&2; exit 2 ;; esac
[ "$N" -ge 10 ] || { echo "error: N must be at least 10 (one of each type), got $N" >&2; exit 2; }
MIRROR="${AIRLOCK_TF_MIRROR:-/opt/tf-plugins}"
EXPECTED_TF_VERSION="1.11.4"

if ! command -v terraform >/dev/null 2>&1; then
    echo "error: terraform is not on PATH; the large plan needs Terraform $EXPECTED_TF_VERSION" >&2
    exit 1
fi
[ -d "$MIRROR" ] || { echo "error: no provider mirror at $MIRROR (set AIRLOCK_TF_MIRROR)" >&2; exit 1; }

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
RC="$(mktemp "${TMPDIR:-/tmp}/airlock-large-plan-rc.XXXXXX")"
trap 'rm -f "$RC"' EXIT
printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "$MIRROR" >"$RC"
while IFS= read -r v; do unset "$v"; done < <(
    env | sed -n 's/^\(TF_VAR_[^=]*\|TF_CLI_ARGS[^=]*\|TF_WORKSPACE\|TF_DATA_DIR\|TF_LOG[^=]*\)=.*/\1/p')
export TF_CLI_CONFIG_FILE="$RC" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
version="$(terraform version -json | python3 -c 'import json,sys; print(json.load(sys.stdin)["terraform_version"])')"
if [ "$version" != "$EXPECTED_TF_VERSION" ]; then
    echo "warning: terraform is $version; the benchmark plans are made with $EXPECTED_TF_VERSION" >&2
fi

# Counts per type; whatever rounding leaves goes to the buckets, so the total is exactly N.
n_instance=$((N * 30 / 100)); n_sg=$((N * 15 / 100)); n_policy=$((N * 12 / 100))
n_role=$((N * 10 / 100)); n_db=$((N * 8 / 100))
for v in n_instance n_sg n_policy n_role n_db; do [ "${!v}" -ge 1 ] || printf -v "$v" 1; done
n_bucket=$((N - n_instance - n_sg - n_policy - n_role - n_db))

cat >"$OUT/main.tf" <<EOF
# Made by scripts/gen-large-plan.sh for N = $N: $n_instance instances, $n_bucket buckets,
# $n_policy IAM policies, $n_role IAM roles, $n_sg security groups, $n_db DB instances.
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

locals {
  envs           = ["prod", "staging", "dev"]
  teams          = ["payments", "orders", "search", "identity", "data", "platform"]
  instance_sizes = ["t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.4xlarge", "m5.24xlarge"]
  db_classes     = ["db.t3.micro", "db.t3.medium", "db.m5.large", "db.r5.2xlarge"]
  db_engines     = ["postgres", "mysql"]
}

resource "aws_security_group" "sg" {
  count       = $n_sg
  name        = "bench-sg-\${count.index}"
  description = "bench security group \${count.index}"
  ingress {
    description = count.index % 5 == 0 ? "SSH from anywhere" : "HTTPS from the VPC"
    from_port   = count.index % 5 == 0 ? 22 : 443
    to_port     = count.index % 5 == 0 ? 22 : 443
    protocol    = "tcp"
    cidr_blocks = [count.index % 5 == 0 ? "0.0.0.0/0" : "10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { env = local.envs[count.index % 3], team = local.teams[count.index % 6] }
}

resource "aws_instance" "app" {
  count                  = $n_instance
  ami                    = "ami-0abcdef1234567890"
  instance_type          = local.instance_sizes[count.index % length(local.instance_sizes)]
  vpc_security_group_ids = [aws_security_group.sg[count.index % 7 == 0 ? 0 : count.index % $n_sg].id]
  monitoring             = count.index % 2 == 0
  root_block_device {
    volume_size = 20 + (count.index % 4) * 20
    encrypted   = count.index % 3 != 0
  }
  tags = { Name = "bench-app-\${count.index}", env = local.envs[count.index % 3], team = local.teams[count.index % 6] }
}

resource "aws_s3_bucket" "data" {
  count         = $n_bucket
  bucket        = "airlock-bench-\${local.teams[count.index % 6]}-\${count.index}"
  force_destroy = count.index % 11 == 0
  tags          = { env = local.envs[count.index % 3], team = local.teams[count.index % 6] }
}

resource "aws_iam_policy" "p" {
  count       = $n_policy
  name        = "bench-policy-\${count.index}"
  description = count.index % 10 == 0 ? "admin (wildcard)" : "read one bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      count.index % 10 == 0 ? {
        Effect   = "Allow"
        Action   = ["*"]
        Resource = ["*"]
      } : {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::airlock-bench-\${local.teams[count.index % 6]}-\${count.index}", "arn:aws:s3:::airlock-bench-\${local.teams[count.index % 6]}-\${count.index}/*"]
      }
    ]
  })
  tags = { team = local.teams[count.index % 6] }
}

resource "aws_iam_role" "r" {
  count = $n_role
  name  = "bench-role-\${count.index}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = count.index % 2 == 0 ? "ec2.amazonaws.com" : "lambda.amazonaws.com" } }]
  })
  tags = { env = local.envs[count.index % 3], team = local.teams[count.index % 6] }
}

resource "aws_db_instance" "db" {
  count                  = $n_db
  identifier             = "bench-db-\${count.index}"
  engine                 = local.db_engines[count.index % 2]
  instance_class         = local.db_classes[count.index % length(local.db_classes)]
  allocated_storage      = 20 + (count.index % 5) * 50
  username               = "bench"
  password               = "not-a-real-password"
  skip_final_snapshot    = count.index % 4 != 0
  publicly_accessible    = count.index % 9 == 0
  storage_encrypted      = count.index % 3 != 0
  vpc_security_group_ids = [aws_security_group.sg[count.index % $n_sg].id]
  tags                   = { env = local.envs[count.index % 3], team = local.teams[count.index % 6] }
}
EOF

log="$OUT/terraform.log"; : >"$log"
# run NAME ARGS...: terraform ARGS in OUT_DIR, seconds into t_NAME; fails with the log's tail.
run() {
    local name="$1"; shift
    local t0 t1
    t0="$(date +%s.%N)"
    if ! (cd "$OUT" && terraform "$@") >>"$log" 2>&1; then
        echo "FAIL  terraform $1 in $OUT (log: $log)" >&2
        tail -n 25 "$log" | sed 's/^/      /' >&2
        exit 1
    fi
    t1="$(date +%s.%N)"
    printf -v "t_$name" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}

rm -f "$OUT/plan.tfplan" "$OUT/plan.json" "$OUT/timings.txt"
run init init -input=false -no-color
run plan plan -input=false -lock=false -no-color -out=plan.tfplan
t0="$(date +%s.%N)"
if ! (cd "$OUT" && terraform show -json plan.tfplan) >"$OUT/plan.json" 2>>"$log"; then
    echo "FAIL  terraform show -json in $OUT (log: $log)" >&2; exit 1
fi
t_show="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"

count="$(python3 - "$OUT/plan.json" <<'PY'
import json, sys, collections
p = json.load(open(sys.argv[1]))
if p.get("errored"):
    sys.exit("plan.json is marked errored")
rc = p.get("resource_changes", [])
acts = collections.Counter(",".join(r["change"]["actions"]) for r in rc)
print(len(rc), " ".join(f"{k}={v}" for k, v in sorted(acts.items())))
PY
)"
got="${count%% *}"
if [ "$got" != "$N" ]; then
    echo "FAIL  plan.json has $got resource changes, expected $N" >&2; exit 1
fi
size="$(stat -c %s "$OUT/plan.json")"; bsize="$(stat -c %s "$OUT/plan.tfplan")"
{
    echo "N=$N resource_changes=$count"
    echo "terraform_init_s=$t_init terraform_plan_s=$t_plan terraform_show_json_s=$t_show"
    echo "plan_json_bytes=$size plan_tfplan_bytes=$bsize"
} | tee "$OUT/timings.txt"
