variable "name" {
  type = string
}
variable "ami_id" {
  type    = string
  default = null
}
variable "instance_type" {
  type    = string
  default = "t3.medium"
}
variable "subnet_ids" { type = list(string) }
variable "security_group_ids" { type = list(string) }
variable "target_group_arns" {
  type    = list(string)
  default = []
}
variable "min_size" { default = 1 }
variable "max_size" { default = 4 }
variable "desired_capacity" {
  type    = number
  default = null
}
variable "on_demand_percentage" {
  description = "Percentage of on-demand above base capacity (0-100)"
  type        = number
  default     = 25
  validation {
    condition     = var.on_demand_percentage >= 0 && var.on_demand_percentage <= 100
    error_message = "Must be between 0 and 100 inclusive."
  }
}
variable "instance_overrides" {
  type    = list(string)
  default = ["t3.medium", "t3a.medium", "t3.large"]
}
variable "scaling_cpu_target" {
  type    = number
  default = 62.5
}
variable "app_env" {
  type = map(string)
  default = {
    APP_ENV   = "production"
    LOG_LEVEL = "info"
  }
}
variable "tags" {
  type    = map(string)
  default = {}
}
