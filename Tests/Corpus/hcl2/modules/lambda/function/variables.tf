variable "function_name" { type = string }

variable "runtime" {
  type    = string
  default = "python3.12"
}

variable "handler" {
  type    = string
  default = "app.handler"
}

variable "source_dir" {
  type = string
}

variable "memory_size" {
  type    = number
  default = 256
}

variable "timeout" {
  type    = number
  default = 30
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "secrets" {
  description = "Plain-text secrets passed as env vars (yes, we know)."
  type        = map(string)
  default     = {}
  sensitive   = true
}

variable "vpc_config" {
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
  default = null
}

variable "policy_statements" {
  type = list(object({
    effect    = optional(string, "Allow")
    actions   = list(string)
    resources = list(string)
  }))
  default = []
}

variable "schedule_expression" {
  type    = string
  default = null
}

variable "reserved_concurrency" {
  type    = number
  default = -1
}

variable "log_retention_days" {
  type    = number
  default = 14
}

variable "layers" {
  type    = list(string)
  default = []
}

variable "tracing" { default = false }
