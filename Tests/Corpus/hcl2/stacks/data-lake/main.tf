resource "aws_s3_bucket" "zone" {
  for_each = toset(var.zones)
  bucket   = "${var.prefix}-${each.key}"
}

resource "aws_s3_bucket_versioning" "zone" {
  for_each = aws_s3_bucket.zone
  bucket   = each.value.id
  versioning_configuration {
    status = each.key == "raw" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "zone" {
  for_each = { for z, b in aws_s3_bucket.zone : z => b if z != "raw" } # raw zone predates the KMS key
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_notification" "raw" {
  bucket = aws_s3_bucket.zone["raw"].id

  queue {
    queue_arn     = aws_sqs_queue.raw_events.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "incoming/"
    filter_suffix = ".json.gz"
  }
}

resource "aws_sqs_queue" "raw_events" {
  name                      = "${var.prefix}-raw-events"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = false
}

resource "aws_sqs_queue_policy" "raw_events" {
  queue_url = aws_sqs_queue.raw_events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.raw_events.arn
    }]
  })
}

resource "aws_lakeformation_data_lake_settings" "this" {
  admins = var.analyst_role_arns

  create_database_default_permissions {
    permissions = ["ALL"]
    principal   = "IAM_ALLOWED_PRINCIPALS"
  }

  create_table_default_permissions {
    permissions = ["ALL"]
    principal   = "IAM_ALLOWED_PRINCIPALS"
  }
}
