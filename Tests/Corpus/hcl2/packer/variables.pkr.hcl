variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "copy_to_regions" {
  type    = list(string)
  default = ["eu-central-1", "us-east-1"]
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "harden_level" {
  type    = number
  default = 2
}

variable "environment" {
  type    = string
  default = "shared"
  validation {
    condition     = length(var.environment) > 0
    error_message = "The environment must not be empty."
  }
}
