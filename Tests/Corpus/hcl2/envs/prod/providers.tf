provider "aws" {
  region = var.region

  assume_role {
    role_arn     = "arn:aws:iam::${var.account_id}:role/terraform"
    session_name = "terraform-prod"
    external_id  = "acme-prod"
  }

  default_tags {
    tags = {
      Environment = "prod"
      CostCenter  = "cc-1234"
      Owner       = "platform@example.com"
      Repository  = "github.com/example-corp/infra"
    }
  }

  ignore_tags {
    key_prefixes = ["kubernetes.io/", "karpenter.sh/"]
  }
}

# CloudFront certificates must live in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  assume_role {
    role_arn = "arn:aws:iam::${var.account_id}:role/terraform"
  }
}

provider "random" {}
