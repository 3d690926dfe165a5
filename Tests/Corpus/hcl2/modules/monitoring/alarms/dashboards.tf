locals {
  widget_width  = 12
  widget_height = 6

  lambda_widgets = [
    for i, fn in var.lambda_functions : {
      type   = "metric"
      x      = (i % 2) * local.widget_width
      y      = 6 + floor(i / 2) * local.widget_height
      width  = local.widget_width
      height = local.widget_height
      properties = {
        title   = "λ ${fn}"
        region  = "eu-west-1"
        stat    = "Sum"
        period  = 300
        metrics = [
          ["AWS/Lambda", "Invocations", "FunctionName", fn],
          [".", "Errors", ".", ".", { color = "#d62728" }],
          [".", "Throttles", ".", ".", { yAxis = "right" }],
        ]
      }
    }
  ]
}

resource "aws_cloudwatch_dashboard" "service" {
  dashboard_name = "${var.service}-overview"

  dashboard_body = jsonencode({
    start          = "-PT6H"
    periodOverride = "inherit"
    widgets = concat(
      [
        {
          type   = "text"
          x      = 0
          y      = 0
          width  = 24
          height = 2
          properties = {
            markdown = "# ${upper(var.service)}\nRunbook: https://wiki.example.com/runbooks/${var.service} \u2022 On-call: #${var.service}-oncall"
          }
        },
        {
          type   = "alarm"
          x      = 0
          y      = 2
          width  = 24
          height = 4
          properties = {
            title  = "Alarms"
            alarms = concat(
              aws_cloudwatch_metric_alarm.alb_5xx[*].arn,
              aws_cloudwatch_metric_alarm.alb_latency[*].arn,
              [for a in aws_cloudwatch_metric_alarm.lambda : a.arn],
            )
          }
        },
      ],
      local.lambda_widgets,
    )
  })
}

# Hand-written legacy dashboard kept for the NOC wall screens.
resource "aws_cloudwatch_dashboard" "noc" {
  dashboard_name = "${var.service}-noc"
  dashboard_body = <<EOF
{
  "widgets": [
%{ for idx, fn in var.lambda_functions ~}
    {
      "type": "metric",
      "x": ${idx * 8},
      "y": 0,
      "width": 8,
      "height": 6,
      "properties": {
        "metrics": [["AWS/Lambda", "Duration", "FunctionName", "${fn}", {"stat": "p99"}]],
        "title": "${fn} p99 (ms), alert at ${local.p99_ms}"
      }
    }${idx < length(var.lambda_functions) - 1 ? "," : ""}
%{ endfor ~}
  ]
}
EOF
}
