# Legacy bucket definitions from the 0.11 days. Upgraded with `terraform 0.12upgrade`
# and never touched since. Uses the deprecated inline acl / versioning / logging /
# lifecycle_rule / server_side_encryption_configuration arguments of aws_s3_bucket.

variable "environment" {
  default = "prod"
}

variable "bucket_prefix" {
  default = "acme"
}

variable "region" {
  default = "us-east-1"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${var.bucket_prefix}-${var.environment}-uploads"
  acl    = "public-read-write"
  region = "${var.region}"

  versioning {
    enabled = false
  }

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["PUT", "POST", "GET"]
    allowed_origins = ["*"]
    max_age_seconds = 3000
  }

  tags {
    Name        = "${var.bucket_prefix}-uploads"
    Environment = "${var.environment}"
  }
}

resource "aws_s3_bucket" "backups" {
  bucket = "${var.bucket_prefix}-${var.environment}-backups"
  acl    = "private"

  versioning {
    enabled    = true
    mfa_delete = false
  }

  logging {
    target_bucket = "${aws_s3_bucket.access_logs.id}"
    target_prefix = "backups/"
  }

  lifecycle_rule {
    id      = "archive"
    enabled = true
    prefix  = "daily/"

    tags = {
      "rule"      = "archive"
      "autoclean" = "true"
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    transition {
      days          = 60
      storage_class = "GLACIER"
    }

    expiration {
      days = 3650
    }
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "${var.bucket_prefix}-${var.environment}-access-logs"
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "website" {
  bucket = "www.${var.bucket_prefix}.example"
  acl    = "public-read"
  policy = "${file("policies/website.json")}"

  website {
    index_document = "index.html"
    error_document = "error.html"

    routing_rules = <<EOF
[{
    "Condition": {
        "KeyPrefixEquals": "docs/"
    },
    "Redirect": {
        "ReplaceKeyPrefixWith": "documents/"
    }
}]
EOF
  }
}

resource "aws_s3_bucket_object" "readme" {
  bucket       = "${aws_s3_bucket.uploads.id}"
  key          = "README.txt"
  content      = "Uploads go here.\r\nDo not store secrets.\r\n"
  acl          = "public-read"
}

output "uploads_bucket" {
  value = "${aws_s3_bucket.uploads.id}"
}

output "all_bucket_arns" {
  value = ["${aws_s3_bucket.uploads.arn}", "${aws_s3_bucket.backups.arn}", "${aws_s3_bucket.website.arn}"]
}
