variable "table" {
  type = object({
    name       = string
    hash_key   = string
    range_key  = optional(string)
    attributes = map(string)
    indexes = optional(map(object({
      hash_key        = string
      range_key       = optional(string)
      projection_type = optional(string, "ALL")
      non_key         = optional(list(string))
    })), {})
    ttl_attribute = optional(string)
  })
  default = {
    name      = "orders"
    hash_key  = "pk"
    range_key = "sk"
    attributes = {
      pk     = "S"
      sk     = "S"
      status = "S"
      total  = "N"
    }
    indexes = {
      by-status = { hash_key = "status", range_key = "total" }
      by-sk = {
        hash_key        = "sk"
        projection_type = "INCLUDE"
        non_key         = ["status"]
      }
    }
    ttl_attribute = "expires_at"
  }
}

variable "subscribers" {
  type    = list(string)
  default = ["ops@example.com", "oncall@example.com"]
}

resource "aws_dynamodb_table" "this" {
  name         = var.table.name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = var.table.hash_key
  range_key    = var.table.range_key

  dynamic "attribute" {
    for_each = var.table.attributes
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.table.indexes
    iterator = gsi
    content {
      name               = gsi.key
      hash_key           = gsi.value.hash_key
      range_key          = gsi.value.range_key
      projection_type    = gsi.value.projection_type
      non_key_attributes = gsi.value.non_key
    }
  }

  dynamic "ttl" {
    for_each = var.table.ttl_attribute == null ? [] : [var.table.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = false
  }

  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
}

resource "aws_sqs_queue" "dlq" {
  name = "${var.table.name}-events-dlq.fifo"
  fifo_queue = true
}

resource "aws_sqs_queue" "events" {
  name                        = "${var.table.name}-events.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  delay_seconds               = 0
  max_message_size            = 262144
  message_retention_seconds   = 345600
  receive_wait_time_seconds   = 20
  sqs_managed_sse_enabled     = false

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sns_topic" "alerts" {
  name         = "${var.table.name}-alerts"
  display_name = "Orders alerts"

  delivery_policy = jsonencode({
    http = {
      defaultHealthyRetryPolicy = {
        minDelayTarget = 20
        maxDelayTarget = 20
        numRetries     = 3
      }
    }
  })
}

resource "aws_sns_topic_subscription" "email" {
  count     = length(var.subscribers)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.subscribers[count.index]
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.events.arn
    }]
  })
}
