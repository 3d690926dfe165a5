variable "api_name" { type = string }
variable "stage_name" {
  type    = string
  default = "v1"
}
variable "lambda_invoke_arn" { type = string }
variable "lambda_function_name" { type = string }
variable "throttle" {
  type = object({ burst = number, rate = number })
  default = { burst = 500, rate = 1.0e3 }
}

locals {
  # The OpenAPI document lives inline so reviewers see the whole contract.
  openapi = jsonencode(yamldecode(<<-EOT
    openapi: "3.0.1"
    info:
      title: ${var.api_name}
      version: "2024-03-01"
    paths:
      /orders:
        get:
          x-amazon-apigateway-integration:
            type: aws_proxy
            httpMethod: POST
            uri: ${var.lambda_invoke_arn}
            payloadFormatVersion: "2.0"
        post:
          x-amazon-apigateway-integration:
            type: aws_proxy
            httpMethod: POST
            uri: ${var.lambda_invoke_arn}
      /orders/{id}:
        parameters:
          - name: id
            in: path
            required: true
            schema:
              type: string
        get:
          x-amazon-apigateway-integration:
            type: aws_proxy
            httpMethod: POST
            uri: ${var.lambda_invoke_arn}
    components:
      securitySchemes:
        api_key:
          type: apiKey
          name: x-api-key
          in: header
    EOT
  ))
}

resource "aws_api_gateway_rest_api" "this" {
  name = var.api_name
  body = local.openapi

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha1(local.openapi)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "this" {
  deployment_id = aws_api_gateway_deployment.this.id
  rest_api_id   = aws_api_gateway_rest_api.this.id
  stage_name    = var.stage_name

  xray_tracing_enabled = false

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      requestTime    = "$context.requestTime"
      httpMethod     = "$context.httpMethod"
      routeKey       = "$context.routeKey"
      status         = "$context.status"
      protocol       = "$context.protocol"
      responseLength = "$context.responseLength"
    })
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name = "/aws/apigateway/${var.api_name}"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "INFO"
    data_trace_enabled     = true # logs full request/response bodies
    throttling_burst_limit = var.throttle.burst
    throttling_rate_limit  = var.throttle.rate
  }
}

resource "aws_lambda_permission" "apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = var.lambda_function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/*"
}

output "invoke_url" {
  value = aws_api_gateway_stage.this.invoke_url
}
