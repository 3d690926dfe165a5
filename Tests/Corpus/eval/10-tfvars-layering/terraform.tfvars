environment    = "staging"
instance_count = 2
allowed_cidrs  = ["10.0.0.0/8"]
tags = {
  Owner = "tfvars"
  Tier  = "base"
}
override_order = "terraform.tfvars"
