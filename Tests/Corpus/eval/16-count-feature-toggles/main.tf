variable "enable_logging" {
  type    = bool
  default = true
}

variable "enable_replica" {
  type    = bool
  default = false
}

variable "create_alarm" {
  type    = bool
  default = true
}

variable "log_retention" {
  type    = number
  default = 14
}

resource "aws_s3_bucket" "app" {
  bucket = "toggle-app-data"
}

resource "aws_s3_bucket" "logs" {
  count  = var.enable_logging ? 1 : 0
  bucket = "toggle-app-logs"
}

resource "aws_s3_bucket_logging" "app" {
  count = var.enable_logging ? 1 : 0

  bucket        = aws_s3_bucket.app.id
  target_bucket = aws_s3_bucket.logs[0].id
  target_prefix = "s3/${aws_s3_bucket.app.bucket}/"
}

resource "aws_s3_bucket" "replica" {
  count  = var.enable_replica ? 1 : 0
  bucket = "toggle-app-replica"
}

resource "aws_cloudwatch_log_group" "app" {
  count             = var.enable_logging ? 1 : 0
  name              = "/app/toggle"
  retention_in_days = var.log_retention
}

resource "aws_sns_topic" "alerts" {
  count = var.create_alarm ? 1 : 0
  name  = "toggle-alerts"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  count = var.create_alarm && var.enable_logging ? 1 : 0

  alarm_name          = "toggle-5xx"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 2
  metric_name         = "5XXError"
  namespace           = "AWS/ApiGateway"
  period              = 300
  statistic           = "Sum"
  threshold           = 5
  alarm_actions       = aws_sns_topic.alerts[*].arn
  treat_missing_data  = "notBreaching"
}

resource "terraform_data" "summary" {
  input = {
    log_bucket      = one(aws_s3_bucket.logs[*].bucket)
    replica_bucket  = one(aws_s3_bucket.replica[*].bucket)
    replica_count   = length(aws_s3_bucket.replica)
    log_group_name  = try(aws_cloudwatch_log_group.app[0].name, "none")
    replica_name    = try(aws_s3_bucket.replica[0].bucket, "none")
    alarm_enabled   = length(aws_cloudwatch_metric_alarm.errors) > 0
  }
}

output "log_bucket" {
  value = var.enable_logging ? aws_s3_bucket.logs[0].bucket : null
}
