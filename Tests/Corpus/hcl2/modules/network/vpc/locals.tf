locals {
  az_count = length(var.azs)

  # Carve the VPC CIDR into three tiers. Public subnets get the first
  # block, private the next, database the one after that.
  public_cidrs = [
    for i, az in var.azs : cidrsubnet(var.cidr_block, var.public_subnet_newbits, i)
  ]
  private_cidrs = [
    for i, az in var.azs :
    cidrsubnet(var.cidr_block, var.private_subnet_newbits, i + local.az_count)
  ]
  database_cidrs = var.database_subnets_enabled ? [
    for i in range(local.az_count) : cidrsubnet(var.cidr_block, 8, 200 + i)
  ] : []

  nat_gateway_count = var.enable_nat_gateway ? (var.single_nat_gateway ? 1 : local.az_count) : 0

  common_tags = merge(
    {
      "terraform"   = "true"
      "module"      = "network/vpc"
      ManagedBy     = "platform-team"
    },
    var.tags,
  )

  subnets_by_az = {
    for idx, az in var.azs : az => {
      public   = local.public_cidrs[idx]
      private  = local.private_cidrs[idx]
      database = try(local.database_cidrs[idx], null)
    }
  }
}
