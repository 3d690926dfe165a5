terraform {
  backend "local" {
    path = "dev.tfstate"
  }
}

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

  endpoints {
    s3       = "http://localhost:4566"
    dynamodb = "http://localhost:4566"
    lambda   = "http://localhost:4566"
    iam      = "http://localhost:4566"
    sts      = "http://localhost:4566"
  }
}

module "tables" {
  source = "../../modules/data/dynamodb"

  tables = {
    sessions = {
      hash_key      = "id"
      ttl_attribute = "expires_at"
      attributes    = [{ name = "id", type = "S" }]
    }
    orders = {
      hash_key  = "pk"
      range_key = "sk"
      attributes = [
        { name = "pk", type = "S" },
        { name = "sk", type = "S" },
        { name = "gsi1pk", type = "S" },
        { name = "created", type = "N" },
      ]
      global_secondary_indexes = [
        { name = "gsi1", hash_key = "gsi1pk", range_key = "created" },
      ]
    }
  }
}

module "hello" {
  source        = "../../modules/lambda/function"
  function_name = "hello-${var.developer}"
  source_dir    = "${path.module}/../../../functions/hello"
  environment   = { TABLE = "sessions" }
  secrets       = { API_TOKEN = var.api_token }
}

module "legacy" {
  source      = "../../modules/s3/legacy-bucket"
  environment = "dev-${var.developer}"
}

variable "developer" {
  type = string
}

variable "api_token" {
  type    = string
  default = "dev-token-not-secret"
}
