# The module tree that ../../main.tf changes and destroys.
module "region" {
  source   = "../../modules/region"
  for_each = { "eu-west-1" = ["a", "b"], "us-east-1" = ["a"] }
  zones    = each.value
  tier     = "dev"
}

module "replica" {
  source = "../../modules/region"
  count  = 2
  zones  = ["x"]
  tier   = "dev"
}
