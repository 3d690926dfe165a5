override_order = "extra.tfvars"
region         = "eu-west-1"
