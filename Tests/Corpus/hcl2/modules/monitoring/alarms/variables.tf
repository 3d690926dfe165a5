variable "service" { type = string }

variable "alarm_topic_arns" {
  type    = list(string)
  default = []
}

variable "ok_topic_arns" {
  type    = list(string)
  default = null
}

variable "alb_arn_suffix" {
  type    = string
  default = ""
}

variable "target_group_arn_suffixes" {
  type    = map(string)
  default = {}
}

variable "rds_cluster_id" {
  type    = string
  default = null
}

variable "lambda_functions" {
  type    = list(string)
  default = []
}

variable "thresholds" {
  type = object({
    p99_latency_seconds = optional(number, 1.5)
    error_rate_percent  = optional(number, 5)
    cpu_percent         = optional(number, 80)
    free_storage_bytes  = optional(number, 1.0e10)
    min_healthy_hosts   = optional(number, 1)
  })
  default = {}
}

variable "evaluation_periods" {
  type    = number
  default = 3
}

variable "enabled" {
  type    = bool
  default = true
}
