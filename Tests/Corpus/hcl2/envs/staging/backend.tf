terraform {
  backend "s3" {}   # configured with -backend-config=staging.s3.tfbackend
}
