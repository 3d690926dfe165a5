# Data sources the AWS provider answers without calling AWS.
data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_default_tags" "current" {}

data "aws_arn" "role" {
  arn = "arn:aws:iam::111122223333:role/admin"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "ReadLogs"
    actions   = ["logs:Get*", "logs:Describe*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "extra" {
  statement {
    sid       = "ReadLogs"
    actions   = ["logs:FilterLogEvents"]
    resources = ["arn:aws:logs:*:*:log-group:/app/*"]
  }

  statement {
    sid           = "DenyDelete"
    effect        = "Deny"
    not_actions   = ["logs:Get*"]
    not_resources = ["arn:aws:logs:*:*:log-group:/keep/*"]
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.extra.json]

  statement {
    sid     = "Assume"
    actions = ["sts:AssumeRole"]
    resources = [
      "arn:${data.aws_partition.current.partition}:iam::${data.aws_arn.role.account}:role/*",
    ]
  }
}

data "aws_iam_policy_document" "minified" {
  version = "2012-10-17"
  policy_id = "minimal"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_policy" "combined" {
  name   = "combined-${data.aws_region.current.name}"
  policy = data.aws_iam_policy_document.combined.json
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-${data.aws_region.current.name}-${data.aws_arn.role.account}"
  tags   = { Name = "logs" }
}

resource "terraform_data" "facts" {
  input = {
    partition    = data.aws_partition.current.partition
    dns_suffix   = data.aws_partition.current.dns_suffix
    region       = data.aws_region.current.name
    region_desc  = data.aws_region.current.description
    default_tags = data.aws_default_tags.current.tags
    arn_service  = data.aws_arn.role.service
    arn_resource = data.aws_arn.role.resource
    policy       = jsondecode(data.aws_iam_policy_document.combined.json)
    minified     = data.aws_iam_policy_document.minified.minified_json
  }
}
