# Terraform >= 1.9: validation conditions may refer to other variables.

variable "min_size" {
  type    = number
  default = 1
}

variable "max_size" {
  type    = number
  default = 10

  validation {
    condition     = var.max_size >= var.min_size
    error_message = "max_size (${var.max_size}) must be >= min_size (${var.min_size})."
  }
}

variable "kms_key_arn" {
  type    = string
  default = null

  validation {
    condition = var.kms_key_arn == null || (
      can(provider::aws::arn_parse(var.kms_key_arn)) &&
      provider::aws::arn_parse(var.kms_key_arn).service == "kms"
    )
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "greeting_template" {
  type    = string
  default = "Hello, $${name}!"
}

locals {
  greeting = templatestring(var.greeting_template, { name = "world" })
  arn_doc  = provider::terraform::encode_expr({ min = var.min_size, max = var.max_size })
}

output "greeting" {
  value = local.greeting
}
