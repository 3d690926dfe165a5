data "aws_partition" "current" {}

variable "bucket_names" {
  type    = list(string)
  default = ["reports-raw", "reports-curated"]
}

variable "read_only_principals" {
  type    = list(string)
  default = ["arn:aws:iam::111122223333:role/analyst", "arn:aws:iam::111122223333:role/auditor"]
}

locals {
  bucket_arns = [for b in var.bucket_names : "arn:${data.aws_partition.current.partition}:s3:::${b}"]
}

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    sid     = "LambdaAssume"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "reports" {
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = local.bucket_arns
  }

  statement {
    sid       = "ReadWrite"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [for arn in local.bucket_arns : "${arn}/*"]

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
  }

  dynamic "statement" {
    for_each = var.read_only_principals
    content {
      sid       = "ReadOnly${statement.key}"
      actions   = ["s3:GetObject"]
      resources = ["${local.bucket_arns[0]}/*"]
      principals {
        type        = "AWS"
        identifiers = [statement.value]
      }
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "reports-processor"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json

  inline_policy {
    name   = "reports-access"
    policy = data.aws_iam_policy_document.reports.json
  }

  tags = {
    Service = "reports"
  }
}

resource "aws_iam_policy" "reports" {
  name        = "reports-access"
  path        = "/service/"
  description = "Access to the report buckets"
  policy      = data.aws_iam_policy_document.reports.json
}

resource "aws_iam_role_policy_attachment" "reports" {
  role       = aws_iam_role.reports.name
  policy_arn = aws_iam_policy.reports.arn
}

resource "aws_iam_role_policy_attachment" "basic_execution" {
  role       = aws_iam_role.reports.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

output "policy_json" {
  value = data.aws_iam_policy_document.reports.json
}
