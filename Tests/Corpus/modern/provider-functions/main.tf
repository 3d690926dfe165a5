# Requires Terraform >= 1.8 and hashicorp/aws >= 5.40 (provider-defined functions).
terraform {
  required_version = ">= 1.8.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40.0"
    }
  }
}

variable "role_arns" {
  type = list(string)
  default = [
    "arn:aws:iam::111111111111:role/service-role/deploy",
    "arn:aws:iam::222222222222:role/admins/break-glass",
  ]
}

variable "bucket_arn" {
  type    = string
  default = "arn:aws:s3:::acme-prod-logs"
}

locals {
  parsed_roles = [for a in var.role_arns : provider::aws::arn_parse(a)]

  role_accounts = distinct([for p in local.parsed_roles : p.account_id])

  role_names = {
    for a in var.role_arns :
    a => provider::aws::trim_iam_role_path(a)
  }

  bucket = provider::aws::arn_parse(var.bucket_arn)

  log_prefix_arn = provider::aws::arn_build(
    local.bucket.partition,
    "s3",
    "",
    "",
    "${local.bucket.resource}/AWSLogs/*",
  )

  same_partition = alltrue([
    for p in local.parsed_roles : p.partition == provider::aws::arn_parse(var.bucket_arn).partition
  ])
}

data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["s3:PutObject"]
    resources = [local.log_prefix_arn]
    principals {
      type        = "AWS"
      identifiers = [for acct in local.role_accounts : "arn:${local.bucket.partition}:iam::${acct}:root"]
    }
  }
}

output "role_names" {
  value = local.role_names
}

output "checks" {
  value = {
    same_partition = local.same_partition
    first_region   = provider::aws::arn_parse(var.role_arns[0]).region == "" ? "global" : "regional"
  }
}
