terraform {
  required_version = "~> 1.6"

  backend "s3" {
    bucket         = "acme-terraform-state-prod"
    key            = "platform/prod/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
    # role_arn     = "arn:aws:iam::111111111111:role/terraform-state"
  }

  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 5.40.0"
      configuration_aliases = [aws.us_east_1]
    }
    random = { source = "hashicorp/random", version = "~> 3.6" }
    null = {
      source  = "hashicorp/null"
      version = "3.2.2"
    }
    archive = {
      source = "hashicorp/archive"
    }
    tls = {}
  }
}
