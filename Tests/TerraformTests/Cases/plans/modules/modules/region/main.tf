variable "zones" { type = list(string) }
variable "tier" { type = string }

module "zone" {
  source   = "./modules/zone"
  for_each = toset(var.zones)
  name     = each.key
  tier     = var.tier
}

resource "terraform_data" "gateway" {
  count = var.tier == "prod" ? 1 : 0
  input = "gw"
}

output "zone_ids" { value = { for k, z in module.zone : k => z.id } }
