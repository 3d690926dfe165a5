variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "cidr" {
  type = string
}

variable "subnets" {
  type = map(object({
    index  = number
    public = optional(bool, false)
  }))
}

locals {
  prefix = "${var.name}-${var.environment}"
}

module "network" {
  source = "./modules/network"

  prefix  = local.prefix
  cidr    = var.cidr
  subnets = var.subnets
}

resource "aws_security_group" "platform" {
  name   = "${local.prefix}-platform"
  vpc_id = module.network.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

output "vpc_name" {
  value = module.network.vpc_name
}

output "subnet_cidrs" {
  value = module.network.subnet_cidrs
}

output "public_subnet_names" {
  value = module.network.public_subnet_names
}

output "paths" {
  value = {
    platform = path.module
    network  = module.network.path
    subnet   = module.network.subnet_path
  }
}
