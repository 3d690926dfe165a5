# Variables from TF_VAR_ environment variables (airlock.env), a JSON var file and -var.
variable "app_name" {
  type = string
}

variable "replicas" {
  type = number
}

variable "zones" {
  type = list(string)
}

variable "labels" {
  type = map(string)
}

variable "debug" {
  type    = bool
  default = false
}

variable "raw_string" {
  description = "Untyped, so the environment value stays a string."
}

variable "limits" {
  type = object({
    cpu = number
    mem = number
  })
  default = { cpu = 1, mem = 256 }
}

variable "env_overridden" {
  type    = string
  default = "default"
}

resource "terraform_data" "app" {
  input = {
    app_name       = var.app_name
    replicas       = var.replicas
    zones          = var.zones
    labels         = var.labels
    debug          = var.debug
    raw_string     = var.raw_string
    limits         = var.limits
    env_overridden = var.env_overridden
    summary        = "${var.app_name} x${var.replicas} in ${join(",", var.zones)}"
  }
}
