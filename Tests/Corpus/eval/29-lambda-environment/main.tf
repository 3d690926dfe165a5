variable "function_name" {
  type    = string
  default = "thumbnailer"
}

variable "memory_size" {
  type    = number
  default = 512
}

variable "environment_variables" {
  type = map(string)
  default = {
    BUCKET      = "uploads-prod"
    MAX_WIDTH   = "1024"
    API_TOKEN   = "hardcoded-token-abc123"
  }
}

variable "log_retention_days" {
  type    = number
  default = 14
}

resource "aws_iam_role" "lambda" {
  name = "${var.function_name}-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })

  inline_policy {
    name = "logs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.lambda.arn}:*"
      }]
    })
  }

  inline_policy {
    name = "s3-all"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
    })
  }
}

resource "aws_cloudwatch_log_group" "lambda" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "this" {
  function_name    = var.function_name
  role             = aws_iam_role.lambda.arn
  runtime          = "python3.12"
  handler          = "index.handler"
  filename         = "${path.module}/build/handler.zip"
  source_code_hash = filebase64sha256("${path.module}/build/handler.zip")
  memory_size      = var.memory_size
  timeout          = 30
  architectures    = ["arm64"]

  environment {
    variables = merge(var.environment_variables, {
      FUNCTION_NAME = var.function_name
      MEMORY        = var.memory_size
    })
  }

  tracing_config {
    mode = "Active"
  }

  ephemeral_storage {
    size = 1024
  }

  depends_on = [aws_cloudwatch_log_group.lambda]
}

resource "aws_lambda_function_url" "this" {
  function_name      = aws_lambda_function.this.function_name
  authorization_type = "NONE"

  cors {
    allow_origins = ["*"]
    allow_methods = ["GET"]
    max_age       = 86400
  }
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3Invoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads-prod"
}

output "zip_hash" {
  value = filebase64sha256("${path.module}/build/handler.zip")
}
