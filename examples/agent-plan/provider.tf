# The AWS provider with dummy credentials and the skip flags: a create-only plan needs no
# AWS API, so this case plans offline (no moto).
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
