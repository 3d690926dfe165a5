variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "vpc_id" { type = string }
variable "subnet_id" { type = string }

variable "office_cidr" {
  type    = string
  default = "198.51.100.0/24" // Frankfurt office
}

variable "agent_count" {
  type    = number
  default = 2
}

variable "agent_download_url" {
  type    = string
  default = "https://downloads.example.com/agent/win-x64-3.232.0.zip"
}

variable "ci_url" {
  type    = string
  default = "https://ci.example.com/"
}
