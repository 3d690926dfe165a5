# Terraform >= 1.7 supports for_each in import blocks; provider functions need 1.8.

variable "existing_buckets" {
  type = map(string)
  default = {
    logs    = "arn:aws:s3:::acme-legacy-logs"
    backups = "arn:aws:s3:::acme-legacy-backups"
    assets  = "arn:aws:s3:::acme-legacy-assets"
  }
}

import {
  for_each = var.existing_buckets
  to       = aws_s3_bucket.adopted[each.key]
  id       = provider::aws::arn_parse(each.value).resource
}

resource "aws_s3_bucket" "adopted" {
  for_each = var.existing_buckets
  bucket   = provider::aws::arn_parse(each.value).resource

  lifecycle {
    prevent_destroy = true
  }
}

import {
  to = aws_iam_role.legacy
  id = provider::aws::trim_iam_role_path("arn:aws:iam::111111111111:role/legacy/ops-admin")
}

resource "aws_iam_role" "legacy" {
  name               = "ops-admin"
  path               = "/legacy/"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

removed {
  from = aws_s3_bucket.old_assets

  lifecycle {
    destroy = false
  }

  provisioner "local-exec" {
    when    = destroy
    command = "echo forgetting ${provider::terraform::encode_expr("old_assets")}"
  }
}
