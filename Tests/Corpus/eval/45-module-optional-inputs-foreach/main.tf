# terraform_data-only module composition: module inputs with optional() attributes,
# module for_each over a set and over a map, count = 0, outputs feeding resources.
variable "services" {
  type = map(object({
    port     = number
    replicas = optional(number)
    public   = optional(bool, false)
    env      = optional(map(string))
  }))
  default = {
    frontend = { port = 80, public = true, replicas = 3 }
    backend  = { port = 8080, env = { DB_HOST = "db.internal" } }
  }
}

variable "enable_canary" {
  type    = bool
  default = false
}

module "service" {
  source   = "./modules/service"
  for_each = var.services

  name   = each.key
  config = each.value
}

module "sidecar" {
  source   = "./modules/service"
  for_each = toset(["envoy", "fluentbit"])

  name   = each.value
  config = { port = 9000 + length(each.value) }
}

module "canary" {
  source = "./modules/service"
  count  = var.enable_canary ? 1 : 0

  name   = "canary"
  config = { port = 8081 }
}

resource "terraform_data" "registry" {
  for_each = module.service

  input = {
    endpoint = each.value.endpoint
    spec     = each.value.spec
  }
}

resource "terraform_data" "summary" {
  input = {
    endpoints       = { for k, m in module.service : k => m.endpoint }
    sidecars        = sort([for m in module.sidecar : m.endpoint])
    canary          = module.canary[*].endpoint
    public_services = [for k, m in module.service : k if m.spec.public]
    total_replicas  = sum([for m in module.service : m.spec.replicas])
  }
}

output "specs" {
  value = { for k, m in module.service : k => m.spec }
}
