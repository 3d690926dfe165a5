variable "name" {
  type = string
}

variable "email_subscribers" {
  type    = list(string)
  default = []
}

variable "slack_webhook_url" {
  type      = string
  default   = ""
  sensitive = true
}

variable "kms_master_key_id" {
  type    = string
  default = null # no encryption at rest
}

resource "aws_sns_topic" "alerts" {
  name              = var.name
  kms_master_key_id = var.kms_master_key_id

  delivery_policy = <<-JSON
    {
      "http": {
        "defaultHealthyRetryPolicy": {
          "minDelayTarget": 20,
          "maxDelayTarget": 20,
          "numRetries": 3,
          "numMaxDelayRetries": 0,
          "numNoDelayRetries": 0,
          "numMinDelayRetries": 0,
          "backoffFunction": "linear"
        },
        "disableSubscriptionOverrides": false
      }
    }
  JSON
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "default"
    Statement = [
      {
        Sid       = "AllowPublishFromAnywhere"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["SNS:Publish", "SNS:Subscribe"]
        Resource  = aws_sns_topic.alerts.arn
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.email_subscribers)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic_subscription" "slack" {
  count                  = var.slack_webhook_url == "" ? 0 : 1
  topic_arn              = aws_sns_topic.alerts.arn
  protocol               = "https"
  endpoint               = var.slack_webhook_url
  endpoint_auto_confirms = true
  raw_message_delivery   = false
}

output "topic_arn" {
  value = aws_sns_topic.alerts.arn
}
