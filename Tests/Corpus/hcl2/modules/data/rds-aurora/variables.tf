variable "cluster_identifier" {
  type = string
}

variable "engine" {
  type    = string
  default = "aurora-postgresql"

  validation {
    condition     = contains(["aurora-postgresql", "aurora-mysql"], var.engine)
    error_message = "Engine must be aurora-postgresql or aurora-mysql."
  }
}

variable "engine_version" {
  type    = string
  default = "15.4"
}

variable "instance_class" { default = "db.r6g.large" }

variable "instances" {
  description = "Map of instance key => overrides"
  type        = map(any)
  default = {
    one = {}
    two = { instance_class = "db.r6g.xlarge", promotion_tier = 2 }
  }
}

variable "master_username" {
  type    = string
  default = "postgres"
}

variable "master_password" {
  description = "Leave null to have RDS manage the secret"
  type        = string
  default     = null
  sensitive   = true
}

variable "database_name" {
  type    = string
  default = "app"
}

variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }

variable "allowed_security_group_ids" {
  type    = list(string)
  default = []
}

variable "allowed_cidr_blocks" {
  type    = list(string)
  default = []
}

variable "backup_retention_period" {
  type    = number
  default = 7
}

variable "preferred_backup_window" {
  type    = string
  default = "02:00-03:00"
}

variable "storage_encrypted" {
  type    = bool
  default = false # historically off; new clusters should set true
}

variable "kms_key_id" {
  type    = string
  default = ""
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "skip_final_snapshot" {
  type    = bool
  default = false
}

variable "serverless_v2_scaling" {
  type = object({
    min_capacity = number
    max_capacity = number
  })
  default = null
}

variable "cluster_parameters" {
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
