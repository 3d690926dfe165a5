variable "team_key" {
  type    = string
  default = "payments"
}

variable "extra_tag_key" {
  type    = string
  default = "DataClassification"
}

variable "services" {
  type = list(object({
    name     = string
    team     = string
    tier     = number
    ports    = list(number)
    public   = bool
    owners   = list(string)
  }))
  default = [
    { name = "checkout", team = "payments", tier = 1, ports = [443, 8443], public = true, owners = ["ana", "ben"] },
    { name = "ledger", team = "payments", tier = 0, ports = [5432], public = false, owners = ["chen"] },
    { name = "search", team = "discovery", tier = 2, ports = [9200, 9300], public = false, owners = ["dev", "eli"] },
    { name = "web", team = "frontend", tier = 1, ports = [80, 443], public = true, owners = ["fay"] },
    { name = "recs", team = "discovery", tier = 3, ports = [8080], public = false, owners = [] },
  ]
}

locals {
  # Object constructor styles: `=` and `:`, commas and newlines, quoted keys,
  # identifier keys and parenthesised expression keys.
  colon_style = {
    "name": "catalog",
    "version": 3,
    enabled: true
  }

  mixed_style = {
    a = 1, b = 2
    c = 3
    "d-e" = 4,
    (var.team_key) = "dynamic key from variable"
    (var.extra_tag_key): "confidential"
    ("${var.team_key}-owner") = "ana"
  }

  one_line_trailing = { x = 1, y = 2, }
  empty_object      = {}
  empty_tuple       = []
  single_item_tuple = ["only",]

  tuple_multiline = [
    "alpha",
    "beta", "gamma",
    "delta",
  ]

  # objects in tuples in objects in tuples
  deep = {
    clusters = [
      {
        name = "blue"
        pools = [
          { name = "system", sizes = [1, 2, 3], labels = { role = "system", "kubernetes.io/os" = "linux" } },
          { name = "batch", sizes = [0, 10], labels = {}, taints = [{ key = "batch", effect = "NoSchedule" }] },
        ]
      },
      {
        name  = "green"
        pools = []
      },
    ]
    meta = { created = "2024-01-01", tags = ["a", "b"], nested = { deeper = { deepest = [[1, 2], [3, [4, [5]]]] } } }
  }

  # --- for expressions -----------------------------------------------------
  names            = [for s in var.services : s.name]
  upper_names      = [for s in var.services : upper(s.name) if s.public]
  by_name          = { for s in var.services : s.name => s }
  tier_by_name     = { for s in var.services : s.name => s.tier if s.tier <= 1 }
  index_map        = { for i, s in var.services : s.name => i }
  names_by_team    = { for s in var.services : s.team => s.name... }
  ports_by_team    = { for s in var.services : s.team => s.ports... if length(s.ports) > 0 }
  team_list        = distinct([for s in var.services : s.team])
  key_value_tuples = [for k, v in local.by_name : "${k}:${v.tier}"]
  filtered_keys    = [for k, v in local.by_name : k if v.public && v.tier < 2]

  # nested for: one entry per (service, port)
  listeners = flatten([
    for s in var.services : [
      for p in s.ports : {
        service = s.name
        port    = p
        tls     = contains([443, 8443], p)
      }
    ]
  ])

  listener_map = {
    for l in local.listeners : "${l.service}-${l.port}" => l
  }

  owners_matrix = {
    for s in var.services : s.name => {
      for o in s.owners : o => [for p in s.ports : "${o}@${s.name}:${p}"]
    }
  }

  # multi-line for with conditional body and grouping
  public_ports_by_tier = {
    for s in var.services :
    "tier-${s.tier}" => [
      for p in s.ports : p if p != 80
    ]...
    if s.public
  }

  # --- indexing, attribute access and splats --------------------------------
  first_service      = var.services[0]
  first_service_name = var.services[0].name
  second_port        = var.services[1].ports[0]
  by_string_key      = local.by_name["checkout"].owners[1]
  by_expr_key        = local.by_name[local.names[2]].tier
  legacy_index       = var.services.0.name
  legacy_nested      = local.deep.clusters.0.pools.1.taints.0.key
  splat_names        = var.services[*].name
  splat_ports        = var.services[*].ports
  splat_nested       = local.deep.clusters[*].name
  legacy_splat       = var.services.*.team
  splat_then_index   = var.services[*].ports[0]
  splat_on_object    = local.colon_style[*]
  index_on_call      = keys(local.by_name)[0]
  index_on_tuple     = ["a", "b", "c"][1]
  index_on_object    = { a = 1, b = 2 }["b"]
  index_on_for       = [for s in var.services : s.name][length(var.services) - 1]
  paren_then_attr    = (local.deep).meta.nested.deeper.deepest[1][1][1][0]
  call_chain         = lower(trimspace(join("-", split(" ", "  Hello Big World  "))))
}

resource "aws_lb_listener" "this" {
  for_each = local.listener_map

  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/shared/50dc6c495c0c9188"
  port              = each.value.port
  protocol          = each.value.tls ? "HTTPS" : "HTTP"
  ssl_policy        = each.value.tls ? "ELBSecurityPolicy-2016-08" : null
  certificate_arn   = each.value.tls ? "arn:aws:acm:eu-west-1:111111111111:certificate/abc" : null

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      message_body = jsonencode({ service = each.value.service, port = each.value.port })
      status_code  = "200"
    }
  }
}

output "catalog" {
  value = {
    names          = local.names
    upper          = local.upper_names
    tiers          = local.tier_by_name
    idx            = local.index_map
    team_groups    = local.names_by_team
    port_groups    = local.ports_by_team
    teams          = local.team_list
    kv             = local.key_value_tuples
    filtered       = local.filtered_keys
    owners         = local.owners_matrix
    public_by_tier = local.public_ports_by_tier
    mixed          = local.mixed_style
    colon          = local.colon_style
    deep           = local.deep
    odd = [
      local.first_service_name, local.second_port, local.by_string_key, local.by_expr_key,
      local.legacy_index, local.legacy_nested, local.splat_names, local.splat_ports,
      local.splat_nested, local.legacy_splat, local.splat_then_index, local.splat_on_object,
      local.index_on_call, local.index_on_tuple, local.index_on_object, local.index_on_for,
      local.paren_then_attr, local.call_chain, local.one_line_trailing, local.empty_object,
      local.empty_tuple, local.single_item_tuple, local.tuple_multiline, local.first_service,
    ]
  }
}
