variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "overrides" {
  # map(any) would reject the mixed number/bool values in terraform.tfvars.json.
  type    = any
  default = {}
}

variable "high_availability" {
  type    = bool
  default = null
}

locals {
  # A chain: each local builds on the ones above it.
  is_prod       = local.env == "prod"
  env           = lower(var.environment)
  region_short  = join("", [for part in split("-", var.region) : substr(part, 0, 1)])
  name_prefix   = "${local.env}-${local.region_short}"
  ha            = var.high_availability != null ? var.high_availability : local.is_prod
  replica_count = local.ha ? 3 : 1
  instance_size = local.is_prod ? "large" : (local.env == "staging" ? "medium" : "small")
  size_map = {
    small  = { cpu = 1, memory = 2 }
    medium = { cpu = 2, memory = 4 }
    large  = { cpu = 4, memory = 16 }
  }
  resources = local.size_map[local.instance_size]
  total_cpu = local.resources.cpu * local.replica_count
  names     = [for i in range(local.replica_count) : "${local.name_prefix}-node-${i}"]
  merged    = merge({ retention = 7, alerts = false }, var.overrides)
  retention = local.merged.retention
  alerts    = local.merged.alerts

  mixed_conditional  = local.is_prod ? 1 : "one"
  null_conditional   = local.is_prod ? "yes" : null
  list_conditional   = local.ha ? local.names : []
  nested_ternary     = local.total_cpu > 8 ? "big" : local.total_cpu > 2 ? "medium" : "small"
  bool_from_string   = "true" == tostring(local.ha)
  env_from_tfvars_json = var.from_json
}

variable "from_json" {
  type    = list(number)
  default = []
}

resource "terraform_data" "computed" {
  input = {
    is_prod            = local.is_prod
    env                = local.env
    region_short       = local.region_short
    name_prefix        = local.name_prefix
    ha                 = local.ha
    replica_count      = local.replica_count
    instance_size      = local.instance_size
    resources          = local.resources
    total_cpu          = local.total_cpu
    names              = local.names
    merged             = local.merged
    retention          = local.retention
    alerts             = local.alerts
    mixed_conditional  = local.mixed_conditional
    null_conditional   = local.null_conditional
    list_conditional   = local.list_conditional
    nested_ternary     = local.nested_ternary
    bool_from_string   = local.bool_from_string
    from_json          = local.env_from_tfvars_json
  }
}

resource "terraform_data" "node" {
  for_each = toset(local.names)
  input    = { name = each.key, cpu = local.resources.cpu }
}
