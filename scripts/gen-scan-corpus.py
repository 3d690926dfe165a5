#!/usr/bin/env python3
"""Writes a large, realistic Terraform root module for the scan benchmark.

usage: gen-scan-corpus.py DIR [--services N] [--seed S]

The corpus is one root module the way a platform team (or a coding agent) grows one:
one file per service (`svc_000.tf` ...), shared `variables.tf`/`locals.tf`/`providers.tf`,
and local modules under `modules/` (an S3 bucket with its split resources, a security group
with a dynamic `ingress`, an IAM role from policy documents with a dynamic `statement`, a
Lambda function that calls the role module, an RDS database with a dynamic `parameter`, an
EC2 app with `for_each` instances), each called many times with different arguments. The
service files mix module calls with resources written inline: S3, IAM, security groups,
EC2, EBS, RDS, Lambda, SQS, SNS, DynamoDB, KMS, ECR, CloudWatch; some of them insecure in
the ways coding agents get wrong (public buckets, SSH open to the world, `Action = "*"`,
unencrypted storage, IMDSv1), chosen by a seeded random generator, so the same arguments
always give the same bytes.

With the default 180 services it has 1,963 resource blocks in 203 .tf files, which
Terraform 1.11 plans as 5,078 resource instances (plus 294 policy-document data sources):
it is valid for the AWS provider 5.100 (`terraform plan` passes offline, the provider block
carries dummy credentials and the skip flags), so the numbers every scanner reports are
about a configuration Terraform itself accepts.
"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("--services", type=int, default=180)
parser.add_argument("--seed", type=int, default=20260401)
args = parser.parse_args()
rng = random.Random(args.seed)
out = args.dir


def write(path, text):
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text.lstrip("\n"))


def key(name):
    """An object key: bare when it is an identifier, quoted otherwise (`"rds.force_ssl"`)."""
    return name if name.replace("_", "a").replace("-", "a").isalnum() and not name[0].isdigit() else hcl(name)


def hcl(value):
    """A Python value as an HCL literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key(k)} = {hcl(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


# ---------------------------------------------------------------- root files
write("providers.tf", '''
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region                      = var.region
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Repo      = "platform-live"
    }
  }
}
''')

write("variables.tf", '''
variable "environment" {
  type    = string
  default = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0a1b2c3d4e5f60718"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]
}

variable "office_cidrs" {
  type    = list(string)
  default = ["203.0.113.0/24", "198.51.100.0/24"]
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "change-me-in-ci-0001"
}

variable "enable_tracing" {
  type    = bool
  default = true
}
''')

write("locals.tf", '''
locals {
  name_prefix = "acme-${var.environment}"
  is_prod     = var.environment == "prod"

  common_tags = {
    Environment = var.environment
    CostCenter  = "platform"
    Owner       = "team-platform"
  }

  log_retention_days = local.is_prod ? 365 : 30
  backup_days        = local.is_prod ? 14 : 1
  internal_cidrs     = ["10.0.0.0/8"]
}
''')

write("shared.tf", '''
resource "aws_kms_key" "shared" {
  description             = "${local.name_prefix} shared key"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  tags                    = local.common_tags
}

resource "aws_kms_alias" "shared" {
  name          = "alias/${local.name_prefix}-shared"
  target_key_id = aws_kms_key.shared.key_id
}

module "access_logs" {
  source = "./modules/s3-bucket"

  name        = "${local.name_prefix}-access-logs"
  kms_key_arn = aws_kms_key.shared.arn
  tags        = local.common_tags
  lifecycle_rules = [
    { id = "expire-old", days = 400 },
  ]
}
''')

write("outputs.tf", '''
output "shared_kms_key_arn" {
  value = aws_kms_key.shared.arn
}

output "access_log_bucket" {
  value = module.access_logs.id
}
''')

# ---------------------------------------------------------------- modules
write("modules/s3-bucket/variables.tf", '''
variable "name" {
  type = string
}

variable "versioning" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "public" {
  type    = bool
  default = false
}

variable "logging" {
  type    = bool
  default = false
}

variable "log_bucket" {
  type    = string
  default = null
}

variable "lifecycle_rules" {
  type = list(object({
    id     = string
    days   = number
    prefix = optional(string, "")
  }))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/s3-bucket/main.tf", '''
locals {
  sse_algorithm = var.kms_key_arn == null ? "AES256" : "aws:kms"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = merge(var.tags, { Name = var.name })
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioning ? 1 : 0
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = local.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = !var.public
  block_public_policy     = !var.public
  ignore_public_acls      = !var.public
  restrict_public_buckets = !var.public
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.logging ? 1 : 0
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.log_bucket
  target_prefix = "s3/${var.name}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count  = length(var.lifecycle_rules) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id

  dynamic "rule" {
    for_each = var.lifecycle_rules
    content {
      id     = rule.value.id
      status = "Enabled"

      filter {
        prefix = rule.value.prefix
      }

      expiration {
        days = rule.value.days
      }

      abort_incomplete_multipart_upload {
        days_after_initiation = 7
      }
    }
  }
}
''')
write("modules/s3-bucket/outputs.tf", '''
output "id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}

output "name" {
  value = aws_s3_bucket.this.bucket
}
''')

write("modules/security-group/variables.tf", '''
variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ingress_rules" {
  type = list(object({
    description = string
    port        = number
    to_port     = optional(number)
    protocol    = optional(string, "tcp")
    cidr_blocks = list(string)
  }))
  default = []
}

variable "allow_all_egress" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/security-group/main.tf", '''
resource "aws_security_group" "this" {
  name        = var.name
  description = "Security group for ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      description = rule.value.description
      from_port   = rule.value.port
      to_port     = coalesce(rule.value.to_port, rule.value.port)
      protocol    = rule.value.protocol
      cidr_blocks = rule.value.cidr_blocks
    }
  }

  dynamic "egress" {
    for_each = var.allow_all_egress ? [1] : []
    content {
      description = "All outbound"
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
  }
}
''')
write("modules/security-group/outputs.tf", '''
output "id" {
  value = aws_security_group.this.id
}
''')

write("modules/iam-role/variables.tf", '''
variable "name" {
  type = string
}

variable "service" {
  type    = string
  default = "ec2.amazonaws.com"
}

variable "statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  default = []
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/iam-role/main.tf", '''
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = [var.service]
    }
  }
}

data "aws_iam_policy_document" "inline" {
  dynamic "statement" {
    for_each = var.statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "inline" {
  count  = length(var.statements) > 0 ? 1 : 0
  name   = "${var.name}-inline"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.inline.json
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each   = toset(var.managed_policy_arns)
  role       = aws_iam_role.this.name
  policy_arn = each.value
}
''')
write("modules/iam-role/outputs.tf", '''
output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}
''')

write("modules/lambda/variables.tf", '''
variable "name" {
  type = string
}

variable "runtime" {
  type    = string
  default = "python3.12"
}

variable "memory" {
  type    = number
  default = 256
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "tracing" {
  type    = bool
  default = true
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "log_retention" {
  type    = number
  default = 30
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  default = []
}

variable "public_url" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/lambda/main.tf", '''
module "role" {
  source = "../iam-role"

  name       = "${var.name}-exec"
  service    = "lambda.amazonaws.com"
  statements = var.statements
  managed_policy_arns = concat(
    ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
    length(var.subnet_ids) > 0 ? ["arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"] : [],
  )
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = module.role.arn
  handler       = "app.handler"
  runtime       = var.runtime
  memory_size   = var.memory
  timeout       = 30
  filename      = "${path.module}/handler.zip"
  kms_key_arn   = var.kms_key_arn

  dynamic "environment" {
    for_each = length(var.environment) > 0 ? [var.environment] : []
    content {
      variables = environment.value
    }
  }

  dynamic "vpc_config" {
    for_each = length(var.subnet_ids) > 0 ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  tracing_config {
    mode = var.tracing ? "Active" : "PassThrough"
  }

  tags       = var.tags
  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_lambda_function_url" "this" {
  count              = var.public_url ? 1 : 0
  function_name      = aws_lambda_function.this.function_name
  authorization_type = "NONE"
}
''')
write("modules/lambda/outputs.tf", '''
output "arn" {
  value = aws_lambda_function.this.arn
}

output "role_name" {
  value = module.role.name
}
''')

write("modules/rds/variables.tf", '''
variable "identifier" {
  type = string
}

variable "engine" {
  type    = string
  default = "postgres"
}

variable "engine_version" {
  type    = string
  default = "16.3"
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "password" {
  type      = string
  sensitive = true
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "public" {
  type    = bool
  default = false
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "backup_days" {
  type    = number
  default = 7
}

variable "parameters" {
  type    = map(string)
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/rds/main.tf", '''
locals {
  family = var.engine == "postgres" ? "postgres16" : "mysql8.0"
}

resource "aws_db_subnet_group" "this" {
  name       = "${var.identifier}-subnets"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.identifier}-params"
  family = local.family

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name  = parameter.key
      value = parameter.value
    }
  }

  tags = var.tags
}

resource "aws_db_instance" "this" {
  identifier                          = var.identifier
  engine                              = var.engine
  engine_version                      = var.engine_version
  instance_class                      = var.instance_class
  allocated_storage                   = 50
  max_allocated_storage               = 200
  username                            = "app_admin"
  password                            = var.password
  db_subnet_group_name                = aws_db_subnet_group.this.name
  parameter_group_name                = aws_db_parameter_group.this.name
  vpc_security_group_ids              = var.security_group_ids
  storage_encrypted                   = var.encrypted
  publicly_accessible                 = var.public
  multi_az                            = var.multi_az
  backup_retention_period             = var.backup_days
  iam_database_authentication_enabled = var.engine == "postgres"
  deletion_protection                 = var.backup_days > 1
  skip_final_snapshot                 = var.backup_days <= 1
  copy_tags_to_snapshot               = true
  auto_minor_version_upgrade          = true
  performance_insights_enabled        = var.multi_az
  monitoring_interval                 = var.multi_az ? 60 : 0
  enabled_cloudwatch_logs_exports     = var.engine == "postgres" ? ["postgresql", "upgrade"] : ["error", "slowquery"]
  tags                                = var.tags
}
''')
write("modules/rds/outputs.tf", '''
output "endpoint" {
  value = aws_db_instance.this.endpoint
}
''')

write("modules/ec2-app/variables.tf", '''
variable "name" {
  type = string
}

variable "instances" {
  type = map(object({
    instance_type = optional(string, "t3.micro")
    subnet_id     = string
    volume_size   = optional(number, 20)
  }))
}

variable "ami" {
  type    = string
  default = "ami-0abcdef1234567890"
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "encrypt_volumes" {
  type    = bool
  default = true
}

variable "require_imdsv2" {
  type    = bool
  default = true
}

variable "data_volume_size" {
  type    = number
  default = 0
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
write("modules/ec2-app/main.tf", '''
resource "aws_instance" "this" {
  for_each               = var.instances
  ami                    = var.ami
  instance_type          = each.value.instance_type
  subnet_id              = each.value.subnet_id
  vpc_security_group_ids = var.security_group_ids
  monitoring             = true
  ebs_optimized          = true

  root_block_device {
    volume_size = each.value.volume_size
    volume_type = "gp3"
    encrypted   = var.encrypt_volumes
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.require_imdsv2 ? "required" : "optional"
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_ebs_volume" "data" {
  for_each          = var.data_volume_size > 0 ? var.instances : {}
  availability_zone = "us-east-1a"
  size              = var.data_volume_size
  encrypted         = var.encrypt_volumes
  type              = "gp3"
  tags              = merge(var.tags, { Name = "${var.name}-${each.key}-data" })
}
''')
write("modules/ec2-app/outputs.tf", '''
output "instance_ids" {
  value = { for k, v in aws_instance.this : k => v.id }
}
''')


# ---------------------------------------------------------------- service files
def chance(p):
    return rng.random() < p


teams = ["payments", "search", "catalog", "identity", "billing", "growth", "media", "ml", "support", "ops"]
kinds = ["api", "worker", "data", "web", "batch", "stream"]

for i in range(args.services):
    team = teams[i % len(teams)]
    kind = kinds[rng.randrange(len(kinds))]
    svc = f"svc_{i:03d}"
    name = f"{team}-{kind}-{i:03d}"
    public_bucket = chance(0.12)
    open_ssh = chance(0.15)
    wildcard_iam = chance(0.15)
    unencrypted = chance(0.15)
    imdsv1 = chance(0.2)
    versioning = not chance(0.2)
    parts = []

    ports = sorted(rng.sample([80, 443, 8080, 8443, 9090, 5432, 6379], rng.randint(1, 3)))
    parts.append(f'''
locals {{
  {svc} = {{
    name    = "${{local.name_prefix}}-{name}"
    team    = "{team}"
    ports   = {hcl(ports)}
    buckets = {hcl(sorted(rng.sample(["raw", "curated", "exports", "uploads", "reports"], rng.randint(1, 3))))}
    tags    = merge(local.common_tags, {{ Service = "{name}", Team = "{team}" }})
  }}
}}
''')

    # Buckets through the module, one per purpose (module for_each).
    parts.append(f'''
module "{svc}_buckets" {{
  source   = "./modules/s3-bucket"
  for_each = toset(local.{svc}.buckets)

  name        = "${{local.{svc}.name}}-${{each.key}}"
  versioning  = {hcl(versioning)}
{'  public      = each.key == "exports"' + chr(10) if public_bucket else ""}  kms_key_arn = {"null" if unencrypted else "aws_kms_key.shared.arn"}
  logging     = true
  log_bucket  = module.access_logs.id
  lifecycle_rules = each.key == "raw" ? [
    {{ id = "expire-raw", days = {rng.choice([30, 90, 180])}, prefix = "incoming/" }},
    {{ id = "expire-tmp", days = 7, prefix = "tmp/" }},
  ] : []
  tags = local.{svc}.tags
}}
''')

    # A security group through the module, ingress from a for expression.
    cidr = '["0.0.0.0/0"]' if open_ssh else "var.office_cidrs"
    parts.append(f'''
module "{svc}_sg" {{
  source = "./modules/security-group"

  name   = "${{local.{svc}.name}}-sg"
  vpc_id = var.vpc_id
  ingress_rules = concat(
    [for p in local.{svc}.ports : {{ description = "app ${{p}}", port = p, cidr_blocks = local.internal_cidrs }}],
    [{{ description = "ssh", port = 22, cidr_blocks = {cidr} }}],
  )
  tags = local.{svc}.tags
}}
''')

    # An inline bucket written the way agents write one, with its split resources.
    parts.append(f'''
resource "aws_s3_bucket" "{svc}_artifacts" {{
  bucket        = "${{local.{svc}.name}}-artifacts"
  force_destroy = {hcl(not (i % 4 == 0))}
  tags          = local.{svc}.tags
}}

resource "aws_s3_bucket_server_side_encryption_configuration" "{svc}_artifacts" {{
  bucket = aws_s3_bucket.{svc}_artifacts.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm = "{'AES256' if unencrypted else 'aws:kms'}"
    }}
  }}
}}
''')
    if not public_bucket:
        parts.append(f'''
resource "aws_s3_bucket_public_access_block" "{svc}_artifacts" {{
  bucket                  = aws_s3_bucket.{svc}_artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
''')
    if versioning:
        parts.append(f'''
resource "aws_s3_bucket_versioning" "{svc}_artifacts" {{
  bucket = aws_s3_bucket.{svc}_artifacts.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}
''')

    # An IAM policy in jsonencode, sometimes with wildcards.
    actions = '"*"' if wildcard_iam else '["s3:GetObject", "s3:PutObject", "s3:ListBucket"]'
    resources = '"*"' if wildcard_iam else f'[aws_s3_bucket.{svc}_artifacts.arn, "${{aws_s3_bucket.{svc}_artifacts.arn}}/*"]'
    parts.append(f'''
resource "aws_iam_policy" "{svc}_access" {{
  name = "${{local.{svc}.name}}-access"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Sid      = "Artifacts"
        Effect   = "Allow"
        Action   = {actions}
        Resource = {resources}
      }},
    ]
  }})
  tags = local.{svc}.tags
}}
''')

    if kind in ("api", "stream", "batch"):
        statements = [
            {"sid": "Queue", "actions": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], "resources": ["*"] if wildcard_iam else [f"arn:aws:sqs:us-east-1:123456789012:{name}"]},
        ]
        if wildcard_iam and chance(0.5):
            statements.append({"sid": "Admin", "actions": ["*"], "resources": ["*"]})
        parts.append(f'''
module "{svc}_fn" {{
  source = "./modules/lambda"

  name               = local.{svc}.name
  runtime            = "{rng.choice(["python3.12", "nodejs20.x", "python3.11", "java21"])}"
  memory             = {rng.choice([128, 256, 512, 1024])}
  tracing            = {"var.enable_tracing" if chance(0.7) else "false"}
  log_retention      = local.log_retention_days
  kms_key_arn        = {"null" if unencrypted else "aws_kms_key.shared.arn"}
  subnet_ids         = {"var.private_subnet_ids" if chance(0.6) else "[]"}
  security_group_ids = [module.{svc}_sg.id]
  public_url         = {hcl(chance(0.1))}
  environment = {{
    SERVICE   = local.{svc}.name
    LOG_LEVEL = local.is_prod ? "info" : "debug"
  }}
  statements = [
{"".join(f"    {hcl(s)},{chr(10)}" for s in statements)}  ]
  tags = local.{svc}.tags
}}

resource "aws_sqs_queue" "{svc}_dlq" {{
  name                      = "${{local.{svc}.name}}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = {hcl(not unencrypted)}
  tags                      = local.{svc}.tags
}}

resource "aws_sqs_queue" "{svc}" {{
  name                       = "${{local.{svc}.name}}-queue"
  visibility_timeout_seconds = 60
  kms_master_key_id          = {"null" if unencrypted else "aws_kms_key.shared.arn"}
  redrive_policy = jsonencode({{
    deadLetterTargetArn = aws_sqs_queue.{svc}_dlq.arn
    maxReceiveCount     = 5
  }})
  tags = local.{svc}.tags
}}

resource "aws_sns_topic" "{svc}_events" {{
  name              = "${{local.{svc}.name}}-events"
  kms_master_key_id = {'null' if unencrypted else '"alias/aws/sns"'}
  tags              = local.{svc}.tags
}}
''')

    if kind in ("web", "worker"):
        n = rng.randint(2, 4)
        instances = ",\n".join(
            f'    "{k}" = {{ subnet_id = var.private_subnet_ids[{j % 3}]{", instance_type = " + hcl(rng.choice(["t3.small", "m6i.large", "c6i.xlarge"])) if chance(0.5) else ""} }}'
            for j, k in enumerate(["a", "b", "c", "d"][:n])
        )
        parts.append(f'''
module "{svc}_app" {{
  source = "./modules/ec2-app"

  name               = local.{svc}.name
  security_group_ids = [module.{svc}_sg.id]
  encrypt_volumes    = {hcl(not unencrypted)}
  require_imdsv2     = {hcl(not imdsv1)}
  data_volume_size   = {rng.choice([0, 0, 100, 250])}
  instances = {{
{instances}
  }}
  tags = local.{svc}.tags
}}

module "{svc}_role" {{
  source = "./modules/iam-role"

  name    = "${{local.{svc}.name}}-instance"
  service = "ec2.amazonaws.com"
  statements = [
    {{ sid = "Artifacts", actions = ["s3:GetObject"], resources = ["${{aws_s3_bucket.{svc}_artifacts.arn}}/*"] }},
  ]
  managed_policy_arns = {hcl(["arn:aws:iam::aws:policy/AdministratorAccess"] if wildcard_iam else ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"])}
  tags                = local.{svc}.tags
}}

resource "aws_iam_instance_profile" "{svc}" {{
  name = "${{local.{svc}.name}}-profile"
  role = module.{svc}_role.name
}}

resource "aws_cloudwatch_metric_alarm" "{svc}_cpu" {{
  alarm_name          = "${{local.{svc}.name}}-cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = {rng.choice([70, 80, 90])}
  tags                = local.{svc}.tags
}}
''')

    if kind == "data":
        params = {"log_min_duration_statement": "500", "rds.force_ssl": "1" if not unencrypted else "0"}
        parts.append(f'''
module "{svc}_db" {{
  source = "./modules/rds"

  identifier         = local.{svc}.name
  engine             = "{rng.choice(["postgres", "postgres", "mysql"])}"
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [module.{svc}_sg.id]
  password           = var.db_password
  encrypted          = {hcl(not unencrypted)}
  public             = {hcl(open_ssh and chance(0.5))}
  multi_az           = local.is_prod
  backup_days        = local.backup_days
  parameters         = {hcl(params)}
  tags               = local.{svc}.tags
}}

resource "aws_dynamodb_table" "{svc}" {{
  name         = "${{local.{svc}.name}}-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  dynamic "attribute" {{
    for_each = {{ pk = "S", sk = "S", gsi1pk = "S" }}
    content {{
      name = attribute.key
      type = attribute.value
    }}
  }}

  global_secondary_index {{
    name            = "gsi1"
    hash_key        = "gsi1pk"
    projection_type = "ALL"
  }}

  point_in_time_recovery {{
    enabled = {hcl(not unencrypted)}
  }}

  server_side_encryption {{
    enabled     = true
    kms_key_arn = aws_kms_key.shared.arn
  }}

  tags = local.{svc}.tags
}}
''')

    # Inline security group rules, the other way agents open ports.
    for p in ports[:2]:
        parts.append(f'''
resource "aws_security_group_rule" "{svc}_lb_{p}" {{
  type              = "ingress"
  security_group_id = module.{svc}_sg.id
  from_port         = {p}
  to_port           = {p}
  protocol          = "tcp"
  cidr_blocks       = {'["0.0.0.0/0"]' if p in (80, 443) else "local.internal_cidrs"}
  description       = "load balancer {p}"
}}
''')

    parts.append(f'''
resource "aws_cloudwatch_log_group" "{svc}" {{
  name              = "/acme/${{var.environment}}/{name}"
  retention_in_days = {'0' if chance(0.1) else 'local.log_retention_days'}
  kms_key_id        = {"null" if unencrypted else "aws_kms_key.shared.arn"}
  tags              = local.{svc}.tags
}}

resource "aws_ecr_repository" "{svc}" {{
  name                 = "{team}/{kind}-{i:03d}"
  image_tag_mutability = "{'MUTABLE' if chance(0.3) else 'IMMUTABLE'}"

  image_scanning_configuration {{
    scan_on_push = {hcl(not chance(0.2))}
  }}

  encryption_configuration {{
    encryption_type = "{'AES256' if unencrypted else 'KMS'}"
    kms_key         = {"null" if unencrypted else "aws_kms_key.shared.arn"}
  }}

  tags = local.{svc}.tags
}}
''')
    write(f"{svc}.tf", "\n".join(p.strip("\n") + "\n" for p in parts))

resource_blocks = 0
files = 0
for dirpath, _, names in os.walk(out):
    for n in names:
        if n.endswith(".tf"):
            files += 1
            with open(os.path.join(dirpath, n)) as f:
                resource_blocks += sum(1 for line in f if line.startswith("resource "))
print(f"gen-scan-corpus: {files} .tf files, {resource_blocks} resource blocks in {out}")
