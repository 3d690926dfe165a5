variable "networks" {
  type = map(object({
    cidr = string
    tiers = map(object({
      newbits = number
      public  = optional(bool, false)
    }))
  }))
  default = {
    shared = {
      cidr = "10.10.0.0/16"
      tiers = {
        public = { newbits = 8, public = true }
        app    = { newbits = 8 }
      }
    }
    data = {
      cidr = "10.20.0.0/16"
      tiers = {
        db    = { newbits = 4 }
        cache = { newbits = 8 }
      }
    }
  }
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

locals {
  subnets = flatten([
    for net_name, net in var.networks : [
      for tier_index, tier_name in keys(net.tiers) : [
        for az_index, az in var.azs : {
          key     = "${net_name}-${tier_name}-${az}"
          network = net_name
          tier    = tier_name
          az      = az
          public  = net.tiers[tier_name].public
          cidr    = cidrsubnet(net.cidr, net.tiers[tier_name].newbits, tier_index * length(var.azs) + az_index)
        }
      ]
    ]
  ])

  subnet_map = { for s in local.subnets : s.key => s }

  route_pairs = setproduct(keys(var.networks), ["0.0.0.0/0", "::/0"])
}

resource "aws_vpc" "this" {
  for_each   = var.networks
  cidr_block = each.value.cidr

  tags = {
    Name = each.key
  }
}

resource "aws_subnet" "this" {
  for_each = local.subnet_map

  vpc_id                  = aws_vpc.this[each.value.network].id
  cidr_block              = each.value.cidr
  availability_zone       = each.value.az
  map_public_ip_on_launch = each.value.public

  tags = {
    Name    = each.key
    Network = each.value.network
    Tier    = each.value.tier
  }
}

resource "terraform_data" "plan" {
  input = {
    count       = length(local.subnets)
    keys        = sort(keys(local.subnet_map))
    cidrs       = { for k, s in local.subnet_map : k => s.cidr }
    route_pairs = local.route_pairs
    by_network  = { for s in local.subnets : s.network => s.cidr... }
  }
}

output "subnet_cidrs" {
  value = { for k, s in aws_subnet.this : k => s.cidr_block }
}
