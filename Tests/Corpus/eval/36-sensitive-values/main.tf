variable "db_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery-staple"
}

variable "api_keys" {
  type      = map(string)
  sensitive = true
  default = {
    stripe  = "sk_test_123"
    twilio  = "tw_456"
  }
}

variable "smtp" {
  type = object({
    host     = string
    user     = string
    password = string
  })
  default = {
    host     = "smtp.example.com"
    user     = "mailer"
    password = "hunter2"
  }
}

locals {
  connection_string = "postgres://app:${var.db_password}@db.internal:5432/app"
  smtp_password     = sensitive(var.smtp.password)
  key_names         = nonsensitive(keys(var.api_keys))
  password_length   = length(var.db_password)
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db/password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_ssm_parameter" "plain" {
  name  = "/app/db/host"
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "api_keys" {
  for_each = nonsensitive(toset(keys(var.api_keys)))

  name  = "/app/api/${each.key}"
  type  = "SecureString"
  value = var.api_keys[each.key]
}

resource "aws_secretsmanager_secret" "smtp" {
  name                    = "app/smtp"
  recovery_window_in_days = 0
}

resource "aws_secretsmanager_secret_version" "smtp" {
  secret_id = aws_secretsmanager_secret.smtp.id
  secret_string = jsonencode({
    host     = var.smtp.host
    user     = var.smtp.user
    password = local.smtp_password
  })
}

resource "terraform_data" "mixed" {
  input = {
    host            = var.smtp.host
    connection      = local.connection_string
    key_names       = local.key_names
    password_length = local.password_length
    smtp_password   = local.smtp_password
  }
}

resource "terraform_data" "whole_sensitive" {
  input = var.api_keys
}

output "connection_string" {
  value     = local.connection_string
  sensitive = true
}

output "key_names" {
  value = local.key_names
}

output "smtp_host" {
  value = var.smtp.host
}
