include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "git::git@github.com:example-corp/infra-modules.git//compute/eks?ref=v3.4.1"
}

dependency "vpc" {
  config_path = "../vpc"

  mock_outputs = {
    vpc_id             = "vpc-00000000"
    private_subnet_ids = ["subnet-aaaa", "subnet-bbbb", "subnet-cccc"]
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan", "init"]
  mock_outputs_merge_strategy_with_state  = "shallow"
}

dependencies {
  paths = ["../vpc", "../kms"]
}

inputs = {
  cluster_name = "acme-prod"
  vpc_id       = dependency.vpc.outputs.vpc_id
  subnet_ids   = dependency.vpc.outputs.private_subnet_ids

  node_groups = {
    default = {
      instance_types = ["m6i.large"]
      min_size       = 2
      max_size       = 10
    }
  }
}
