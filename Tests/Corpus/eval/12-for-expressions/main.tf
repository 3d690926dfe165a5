variable "users" {
  type = map(object({
    role   = string
    teams  = list(string)
    active = optional(bool, true)
  }))
  default = {
    alice = { role = "admin", teams = ["platform", "security"] }
    bob   = { role = "developer", teams = ["payments"] }
    carol = { role = "developer", teams = ["payments", "platform"], active = false }
    dave  = { role = "viewer", teams = [] }
  }
}

variable "ports" {
  type    = list(number)
  default = [443, 80, 8080, 80, 22]
}

locals {
  active_users = [for name, u in var.users : name if u.active]
  upper_names  = [for name in keys(var.users) : upper(name)]
  roles_by_user = { for name, u in var.users : name => u.role }
  users_by_role = { for name, u in var.users : u.role => name... }
  team_members = {
    for pair in flatten([for name, u in var.users : [for t in u.teams : { team = t, user = name }]]) :
    pair.team => pair.user...
  }
  indexed    = [for i, p in var.ports : "${i}:${p}"]
  high_ports = [for p in var.ports : p if p > 1024]
  unique_set = toset([for p in var.ports : tostring(p)])
  from_set   = [for s in local.unique_set : "port-${s}"]
  nested     = [for r in ["a", "b"] : [for n in range(2) : "${r}${n}"]]
  obj_values = { for k, v in { x = 1, y = 2, z = 3 } : upper(k) => v * 10 if v != 2 }
  string_chars = [for c in split("", "abc") : "${c}!"]
  first_admin  = [for name, u in var.users : name if u.role == "admin"][0]
}

resource "terraform_data" "lists" {
  input = {
    active_users = local.active_users
    upper_names  = local.upper_names
    indexed      = local.indexed
    high_ports   = local.high_ports
    from_set     = local.from_set
    nested       = local.nested
    string_chars = local.string_chars
    first_admin  = local.first_admin
  }
}

resource "terraform_data" "maps" {
  input = {
    roles_by_user = local.roles_by_user
    users_by_role = local.users_by_role
    team_members  = local.team_members
    obj_values    = local.obj_values
  }
}

resource "terraform_data" "per_role" {
  for_each = local.users_by_role

  input = {
    role    = each.key
    members = each.value
    count   = length(each.value)
  }
}

output "unique_set" {
  value = local.unique_set
}
