# Newer language features: provider-defined functions (Terraform >= 1.8),
# templatestring (>= 1.9), issensitive, nullable = false, replace_triggered_by.
variable "role_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:role/service/deploy/ci-runner"
}

variable "greeting_template" {
  type    = string
  default = "Hello, $${name}! You have %%{ if count > 0 }$${count}%%{ else }no%%{ endif } messages."
}

variable "token" {
  type      = string
  default   = "abc"
  sensitive = true
}

variable "tags" {
  type     = map(string)
  default  = {}
  nullable = false
}

locals {
  parsed   = provider::aws::arn_parse(var.role_arn)
  rebuilt  = provider::aws::arn_build("aws", "s3", "", "", "my-bucket/key")
  role     = provider::aws::trim_iam_role_path(var.role_arn)
  template = "Hi $${name}"
}

resource "terraform_data" "functions" {
  input = {
    parsed          = local.parsed
    account         = local.parsed.account_id
    rebuilt         = local.rebuilt
    role            = local.role
    greeting        = templatestring(var.greeting_template, { name = "Ada", count = 3 })
    greeting_none   = templatestring(var.greeting_template, { name = "Bob", count = 0 })
    simple          = templatestring(local.template, { name = "Cy" })
    token_sensitive = issensitive(var.token)
    tags_sensitive  = issensitive(var.tags)
    tags            = var.tags
  }
}

resource "terraform_data" "version" {
  input = "v2"
}

resource "aws_sqs_queue" "replaced" {
  name = "replace-triggered"

  lifecycle {
    replace_triggered_by = [terraform_data.version]
  }
}
