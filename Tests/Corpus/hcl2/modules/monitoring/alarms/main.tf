locals {
  alarm_actions = var.enabled ? var.alarm_topic_arns : []
  ok_actions    = var.ok_topic_arns == null ? local.alarm_actions : var.ok_topic_arns

  # 2.5E-2 == 2.5 % expressed as a ratio; kept for the anomaly band width.
  anomaly_band_ratio = 2.5E-2
  error_ratio        = var.thresholds.error_rate_percent / 100

  # seconds -> milliseconds
  p99_ms = var.thresholds.p99_latency_seconds * 1e3

  lambda_alarms = {
    for pair in setproduct(var.lambda_functions, ["Errors", "Throttles"]) :
    "${pair[0]}-${lower(pair[1])}" => {
      function = pair[0]
      metric   = pair[1]
      # throttles are worse than errors, alarm on first occurrence
      threshold = pair[1] == "Throttles" ? 0 : 5
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "alb_5xx" {
  count = var.alb_arn_suffix != "" ? 1 : 0

  alarm_name          = "${var.service}-alb-5xx-rate"
  alarm_description   = "5xx error rate > ${var.thresholds.error_rate_percent}% for ${var.evaluation_periods} minutes"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = var.evaluation_periods
  threshold           = local.error_ratio * 100
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.ok_actions

  metric_query {
    id          = "rate"
    expression  = "IF(requests > 0, 100 * errors / requests, 0)"
    label       = "5xx rate (%)"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
      dimensions = {
        LoadBalancer = var.alb_arn_suffix
      }
    }
  }

  metric_query {
    id = "requests"
    metric {
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = 60
      stat        = "Sum"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "alb_latency" {
  count               = var.alb_arn_suffix == "" ? 0 : 1
  alarm_name          = "${var.service}-alb-p99-latency"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  extended_statistic  = "p99"
  period              = 60
  evaluation_periods  = var.evaluation_periods
  datapoints_to_alarm = max(1, var.evaluation_periods - 1)
  threshold           = var.thresholds.p99_latency_seconds
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions          = { LoadBalancer = var.alb_arn_suffix }
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  for_each = var.target_group_arn_suffixes

  alarm_name          = "${var.service}-${each.key}-healthy-hosts"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HealthyHostCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  threshold           = var.thresholds.min_healthy_hosts
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"

  dimensions = {
    TargetGroup  = each.value
    LoadBalancer = var.alb_arn_suffix
  }

  alarm_actions = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_cpu" {
  count               = var.rds_cluster_id != null ? 1 : 0
  alarm_name          = "${var.service}-rds-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = var.evaluation_periods
  threshold           = var.thresholds.cpu_percent
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { DBClusterIdentifier = var.rds_cluster_id }
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "rds_storage" {
  count               = var.rds_cluster_id != null ? 1 : 0
  alarm_name          = "${var.service}-rds-free-local-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeLocalStorage"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.thresholds.free_storage_bytes
  comparison_operator = "LessThanThreshold"
  dimensions          = { DBClusterIdentifier = var.rds_cluster_id }
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "lambda" {
  for_each = local.lambda_alarms

  alarm_name          = "${var.service}-lambda-${each.key}"
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { FunctionName = each.value.function }
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "latency_anomaly" {
  count               = var.alb_arn_suffix != "" && var.enabled ? 1 : 0
  alarm_name          = "${var.service}-latency-anomaly"
  comparison_operator = "GreaterThanUpperThreshold"
  evaluation_periods  = 5
  threshold_metric_id = "band"

  metric_query {
    id          = "band"
    expression  = "ANOMALY_DETECTION_BAND(m1, ${1 + local.anomaly_band_ratio * 80})"
    return_data = true
  }

  metric_query {
    id          = "m1"
    return_data = true
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "TargetResponseTime"
      period      = 300
      stat        = "p90"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
    }
  }
}

resource "aws_cloudwatch_composite_alarm" "service_down" {
  count         = var.alb_arn_suffix != "" ? 1 : 0
  alarm_name    = "${var.service}-service-down"
  alarm_actions = local.alarm_actions

  alarm_rule = <<-EOT
    ALARM("${aws_cloudwatch_metric_alarm.alb_5xx[0].alarm_name}") AND
    (%{ for i, name in [for a in aws_cloudwatch_metric_alarm.unhealthy_hosts : a.alarm_name] }%{ if i > 0 } OR %{ endif }ALARM("${name}")%{ endfor })
  EOT
}
