output "alarm_arns" {
  value = concat(
    aws_cloudwatch_metric_alarm.alb_5xx[*].arn,
    aws_cloudwatch_metric_alarm.alb_latency[*].arn,
    values(aws_cloudwatch_metric_alarm.unhealthy_hosts)[*].arn,
    [for k, v in aws_cloudwatch_metric_alarm.lambda : v.arn],
  )
}

output "dashboard_url" {
  value = "https://console.aws.amazon.com/cloudwatch/home#dashboards:name=${aws_cloudwatch_dashboard.service.dashboard_name}"
}
