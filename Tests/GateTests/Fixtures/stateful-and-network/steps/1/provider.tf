# The AWS provider against moto on loopback (scripts/gen-plan-fixtures.sh starts it and
# sets TF_VAR_endpoint); dummy credentials, no real cloud is involved.
variable "endpoint" { type = string }

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true
  endpoints {
    s3  = var.endpoint
    ec2 = var.endpoint
    iam = var.endpoint
    kms = var.endpoint
    sts = var.endpoint
  }
}
