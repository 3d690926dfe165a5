variable "account_id" { type = string }
variable "region" { default = "eu-west-1" }
variable "vpc_cidr" { default = "10.30.0.0/16" }
variable "developer_ips" {
  type    = list(string)
  default = []
}
variable "db_password" {
  type      = string
  sensitive = true
}
variable "replica_count" {
  type    = number
  default = 1
}
