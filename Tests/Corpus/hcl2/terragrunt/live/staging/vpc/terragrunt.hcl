include {
  path = find_in_parent_folders()
}

locals {
  cidr = "10.30.0.0/16"
}

terraform {
  source = "../../../../modules/network/vpc"
}

inputs = {
  name                  = "acme-staging"
  cidr_block            = local.cidr
  azs                   = ["eu-west-1a", "eu-west-1b"]
  public_subnet_newbits = 8
  single_nat_gateway    = true
}
