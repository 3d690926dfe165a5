resource "aws_cloudwatch_event_bus" "domain" {
  name = "commerce"
}

resource "aws_cloudwatch_event_archive" "domain" {
  name             = "commerce-archive"
  event_source_arn = aws_cloudwatch_event_bus.domain.arn
  retention_days   = 0 # keep forever
}

resource "aws_cloudwatch_event_rule" "big_orders" {
  name           = "big-orders"
  event_bus_name = aws_cloudwatch_event_bus.domain.name
  event_pattern  = <<-JSON
    {
      "source": ["com.acme.orders"],
      "detail-type": ["OrderPlaced"],
      "detail": {
        "total": [{ "numeric": [">=", 1000] }],
        "customer": { "tier": ["gold", "platinum"] }
      }
    }
  JSON
}

resource "aws_cloudwatch_event_target" "big_orders_to_sqs" {
  rule           = aws_cloudwatch_event_rule.big_orders.name
  event_bus_name = aws_cloudwatch_event_bus.domain.name
  arn            = aws_sqs_queue.main["emails"].arn

  input_transformer {
    input_paths = {
      id    = "$.detail.orderId"
      total = "$.detail.total"
    }
    input_template = "{\"subject\": \"Big order <id>\", \"body\": \"Order <id> totals <total> EUR\"}"
  }

  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 4
  }

  dead_letter_config {
    arn = aws_sqs_queue.dlq["emails"].arn
  }
}

resource "aws_cloudwatch_event_bus_policy" "cross_account" {
  event_bus_name = aws_cloudwatch_event_bus.domain.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowAllAccountsToPut"
      Effect    = "Allow"
      Principal = "*"
      Action    = "events:PutEvents"
      Resource  = aws_cloudwatch_event_bus.domain.arn
    }]
  })
}
