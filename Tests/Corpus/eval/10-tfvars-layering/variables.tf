variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "allowed_cidrs" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "settings" {
  type = object({
    retention_days = number
    alarms         = bool
    owners         = list(string)
  })
  default = {
    retention_days = 7
    alarms         = false
    owners         = []
  }
}

variable "from_auto_a" {
  type    = string
  default = "default"
}

variable "from_auto_b" {
  type    = string
  default = "default"
}

variable "override_order" {
  type    = string
  default = "default"
}

variable "cli_only" {
  type    = string
  default = "default"
}
