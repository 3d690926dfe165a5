variable "vpc_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "name" {
  type = string
}

variable "index" {
  type = number
}

variable "public" {
  type    = bool
  default = false
}

resource "aws_subnet" "this" {
  vpc_id                  = var.vpc_id
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, var.index)
  map_public_ip_on_launch = var.public

  tags = {
    Name   = var.name
    Public = var.public ? "yes" : "no"
  }
}

output "cidr" {
  value = aws_subnet.this.cidr_block
}

output "name" {
  value = var.name
}

output "public" {
  value = var.public
}

output "path" {
  value = path.module
}
