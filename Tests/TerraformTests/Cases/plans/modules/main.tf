# Module instances three levels deep, keyed by for_each and count, growing and shrinking:
# plan.json changes the tree applied by steps/1; destroy.plan.json destroys it.
module "region" {
  source   = "./modules/region"
  for_each = { "eu-west-1" = ["a", "c"], "ap-south-1" = ["a"] }
  zones    = each.value
  tier     = each.key == "eu-west-1" ? "prod" : "dev"
}

module "replica" {
  source = "./modules/region"
  count  = 1
  zones  = ["x"]
  tier   = "dev"
}

output "zones" { value = { for r, m in module.region : r => m.zone_ids } }
