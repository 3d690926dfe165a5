variable "alias" {
  type = string
  validation {
    condition     = !startswith(var.alias, "alias/aws/")
    error_message = "Aliases beginning with alias/aws/ are reserved."
  }
}

variable "description" {
  type    = string
  default = ""
}

variable "admin_principals" {
  type    = list(string)
  default = []
}

variable "user_principals" {
  type    = list(string)
  default = ["*"]
}

variable "service_principals" {
  type    = list(string)
  default = []
}

variable "enable_key_rotation" {
  type    = bool
  default = false
}

variable "deletion_window_in_days" {
  type    = number
  default = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "Deletion window must be within [7, 30]."
  }
}

variable "multi_region" { default = false }
