variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type = string
}

variable "domain_name" { type = string }

variable "vpc_cidr" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "eks_node_groups" {
  type = any
}

variable "alert_emails" {
  type    = list(string)
  default = []
}

variable "db_instances" {
  type = map(any)
}

variable "github_repos" {
  type    = list(string)
  default = []
}

variable "feature_flags" {
  type = object({
    enable_waf       = bool
    enable_shield    = bool
    enable_guardduty = bool
  })
}

variable "image_tag" {
  type    = string
  default = "2024.05.14-3f9c2ab"
}

variable "bootstrap_script" {
  description = "Extra shell run at the end of node bootstrap"
  type        = string
  default     = ""
}
