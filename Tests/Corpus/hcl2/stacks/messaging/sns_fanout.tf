resource "aws_sns_topic" "order_events" {
  name                        = "order-events.fifo"
  fifo_topic                  = true
  content_based_deduplication = true
}

resource "aws_sns_topic_subscription" "orders_queue" {
  topic_arn            = aws_sns_topic.order_events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.main["orders"].arn
  raw_message_delivery = true

  filter_policy_scope = "MessageBody"
  filter_policy = jsonencode({
    eventType = ["OrderPlaced", "OrderCancelled"]
    amount    = [{ numeric = [">", 0, "<=", 1e6] }]
    region    = [{ "anything-but" = ["test"] }]
  })
}

data "aws_iam_policy_document" "sqs_from_sns" {
  for_each = aws_sqs_queue.main

  statement {
    sid       = "AllowSNS"
    actions   = ["sqs:SendMessage"]
    resources = [each.value.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.order_events.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "from_sns" {
  for_each  = data.aws_iam_policy_document.sqs_from_sns
  queue_url = aws_sqs_queue.main[each.key].id
  policy    = each.value.json
}
