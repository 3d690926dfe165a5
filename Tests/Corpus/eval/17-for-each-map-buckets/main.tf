variable "buckets" {
  description = "Buckets to create, keyed by short name."
  type = map(object({
    versioning = optional(bool, false)
    public     = optional(bool, false)
    expire_days = optional(number)
    tags       = optional(map(string), {})
  }))
  default = {
    logs = {
      expire_days = 90
      tags        = { DataClass = "internal" }
    }
    website = {
      public = true
      tags   = { DataClass = "public" }
    }
    backups = {
      versioning  = true
      expire_days = 365
    }
  }
}

variable "prefix" {
  type    = string
  default = "acme-prod"
}

locals {
  expiring = { for k, b in var.buckets : k => b if b.expire_days != null }
  public   = { for k, b in var.buckets : k => b if b.public }
}

resource "aws_s3_bucket" "this" {
  for_each = var.buckets

  bucket = "${var.prefix}-${each.key}"
  tags   = merge({ Name = each.key, Bucket = "${var.prefix}-${each.key}" }, each.value.tags)
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  versioning_configuration {
    status = var.buckets[each.key].versioning ? "Enabled" : "Disabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "expire" {
  for_each = local.expiring

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    id     = "expire-after-${each.value.expire_days}-days"
    status = "Enabled"

    filter {
      prefix = ""
    }

    expiration {
      days = each.value.expire_days
    }
  }
}

resource "aws_s3_bucket_public_access_block" "public" {
  for_each = local.public

  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_website_configuration" "website" {
  for_each = local.public

  bucket = aws_s3_bucket.this[each.key].id

  index_document {
    suffix = "index.html"
  }

  error_document {
    key = "error.html"
  }
}

resource "aws_s3_bucket_policy" "public_read" {
  for_each = local.public

  bucket = aws_s3_bucket.this[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::${var.prefix}-${each.key}/*"
    }]
  })
}

output "bucket_names" {
  value = { for k, b in aws_s3_bucket.this : k => b.bucket }
}

output "expiring_keys" {
  value = keys(local.expiring)
}
