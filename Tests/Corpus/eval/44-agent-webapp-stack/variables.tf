variable "project" {
  type    = string
  default = "todo-app"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "key_name" {
  type    = string
  default = "my-key"
}

variable "db_username" {
  type    = string
  default = "admin"
}

variable "db_password" {
  type      = string
  default   = "password123"
  sensitive = true
}

variable "web_instance_count" {
  type    = number
  default = 2
}
