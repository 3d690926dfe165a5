variable "users" {
  description = "Human IAM users. Prefer SSO - these exist for legacy tools."
  type = map(object({
    groups        = list(string)
    console       = optional(bool, false)
    programmatic  = optional(bool, true)
    pgp_key       = optional(string)
  }))
  default = {
    "deploy-bot" = { groups = ["deployers"] }
    "jenkins"    = { groups = ["deployers", "readers"], programmatic = true }
    "müller.k"   = { groups = ["admins"], console = true }
    "tanaka.y"   = { groups = ["readers"], console = true } # 東京オフィス
  }
}

variable "force_destroy" {
  type    = bool
  default = true
}

locals {
  groups = toset(flatten([for u in values(var.users) : u.groups]))

  group_policies = {
    admins    = "arn:aws:iam::aws:policy/AdministratorAccess"
    deployers = "arn:aws:iam::aws:policy/PowerUserAccess"
    readers   = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  }

  # group name => list of users, built with the grouping operator
  members_by_group = {
    for pair in flatten([for name, u in var.users : [for g in u.groups : { g = g, u = name }]]) :
    pair.g => pair.u...
  }
}

resource "aws_iam_group" "this" {
  for_each = local.groups
  name     = each.key
}

resource "aws_iam_group_policy_attachment" "this" {
  for_each   = { for g in local.groups : g => local.group_policies[g] if contains(keys(local.group_policies), g) }
  group      = aws_iam_group.this[each.key].name
  policy_arn = each.value
}

resource "aws_iam_user" "this" {
  for_each      = var.users
  name          = each.key
  force_destroy = var.force_destroy
  tags          = { ManagedBy = "terraform" }
}

resource "aws_iam_group_membership" "this" {
  for_each = local.members_by_group
  name     = "${each.key}-membership"
  group    = aws_iam_group.this[each.key].name
  users    = [for u in each.value : aws_iam_user.this[u].name]
}

resource "aws_iam_access_key" "this" {
  for_each = { for k, v in var.users : k => v if v.programmatic }
  user     = aws_iam_user.this[each.key].name
  pgp_key  = each.value.pgp_key
}

resource "aws_iam_user_login_profile" "this" {
  for_each                = { for k, v in var.users : k => v if v.console }
  user                    = aws_iam_user.this[each.key].name
  password_reset_required = true
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = false
  require_symbols                = false
  allow_users_to_change_password = true
  max_password_age               = 0
}

output "access_keys" {
  sensitive = true
  value = {
    for name, key in aws_iam_access_key.this : name => {
      id     = key.id
      secret = key.secret
    }
  }
}
