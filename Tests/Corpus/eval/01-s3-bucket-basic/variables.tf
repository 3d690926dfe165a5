variable "project" {
  description = "Project name used as a prefix for every resource."
  type        = string
  default     = "airlock-demo"
}

variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "dev"
}

variable "versioning_enabled" {
  type    = bool
  default = true
}

variable "noncurrent_days" {
  type    = number
  default = 30
}

variable "extra_tags" {
  type = map(string)
  default = {
    Owner      = "platform-team"
    CostCenter = "1234"
  }
}
