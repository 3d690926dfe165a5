variable "prefix" {
  type = string
}

variable "cidr" {
  type = string
}

variable "subnets" {
  type = map(object({
    index  = number
    public = bool
  }))
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = {
    Name = "${var.prefix}-vpc"
  }
}

module "subnet" {
  source   = "./modules/subnet"
  for_each = var.subnets

  vpc_id   = aws_vpc.this.id
  vpc_cidr = aws_vpc.this.cidr_block
  name     = "${var.prefix}-${each.key}"
  index    = each.value.index
  public   = each.value.public
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_name" {
  value = aws_vpc.this.tags["Name"]
}

output "subnet_cidrs" {
  value = { for k, m in module.subnet : k => m.cidr }
}

output "public_subnet_names" {
  value = sort([for k, m in module.subnet : m.name if m.public])
}

output "path" {
  value = path.module
}

output "subnet_path" {
  value = values(module.subnet)[0].path
}
