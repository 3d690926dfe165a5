# Terraform >= 1.11: ephemeral resources and write-only arguments.
terraform {
  required_version = ">= 1.11.0"
  required_providers {
    aws    = { source = "hashicorp/aws", version = ">= 5.83.0" }
    random = { source = "hashicorp/random", version = ">= 3.7.0" }
  }
}

variable "db_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:rds/main-AbCdEf"
}

variable "db_password_version" {
  type    = number
  default = 1
}

ephemeral "random_password" "db" {
  length           = 32
  override_special = "!#%*()-_=+"
}

ephemeral "aws_secretsmanager_secret_version" "api_key" {
  secret_id = var.db_secret_arn
}

variable "session_token" {
  type      = string
  default   = null
  ephemeral = true
}

locals {
  secret_region  = provider::aws::arn_parse(var.db_secret_arn).region
  secret_account = provider::aws::arn_parse(var.db_secret_arn).account_id
}

provider "aws" {
  region = local.secret_region
  token  = var.session_token
}

resource "aws_db_instance" "main" {
  identifier          = "main"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "app"
  password_wo         = ephemeral.random_password.db.result
  password_wo_version = var.db_password_version
  skip_final_snapshot = true
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id                = "rds/main"
  secret_string_wo         = jsonencode({ username = "app", password = ephemeral.random_password.db.result })
  secret_string_wo_version = var.db_password_version
}

output "api_key_length" {
  value     = length(ephemeral.aws_secretsmanager_secret_version.api_key.secret_string)
  ephemeral = false
  sensitive = true
}
