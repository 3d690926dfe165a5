include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

terraform {
  source = "${get_repo_root()}/modules/network/vpc//."
}

inputs = {
  name       = "acme-${include.root.locals.environment}"
  cidr_block = "10.20.0.0/16"
  azs        = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

  public_subnet_newbits = 8
  enable_flow_logs      = true
}
