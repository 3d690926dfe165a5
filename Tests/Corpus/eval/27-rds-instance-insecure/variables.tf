variable "db_name" {
  type    = string
  default = "appdb"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{2,30}$", var.db_name))
    error_message = "db_name must start with a letter and use lowercase letters, digits or underscores."
  }
}

variable "db_password" {
  description = "Master password (hard-coded default, as agents often do)."
  type        = string
  default     = "SuperSecret123!"
  sensitive   = true
}

variable "instance_class" {
  type    = string
  default = "db.t3.micro"
}

variable "allocated_storage" {
  type    = number
  default = 20

  validation {
    condition     = var.allocated_storage >= 20 && var.allocated_storage <= 1000
    error_message = "Storage must be 20-1000 GiB."
  }
}

variable "parameters" {
  type = map(string)
  default = {
    max_connections = "200"
    log_min_duration_statement = "500"
    "rds.force_ssl" = "0"
  }
}
