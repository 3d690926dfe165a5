variable "developers" {
  type    = list(string)
  default = ["zoe", "adam", "maria", "adam"]
}

variable "admins" {
  type    = set(string)
  default = ["root-ops", "maria"]
}

locals {
  all_users = setunion(toset(var.developers), var.admins)
}

resource "aws_iam_group" "developers" {
  name = "developers"
  path = "/teams/"
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_user" "this" {
  for_each = local.all_users

  name = each.key
  path = "/people/"

  tags = {
    Email = "${each.value}@example.com"
    Admin = contains(var.admins, each.value)
  }
}

resource "aws_iam_user_group_membership" "this" {
  for_each = aws_iam_user.this

  user = each.value.name
  groups = compact([
    contains(var.developers, each.key) ? aws_iam_group.developers.name : "",
    contains(var.admins, each.key) ? aws_iam_group.admins.name : "",
  ])
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_login_profile" "this" {
  for_each = toset(["zoe", "adam"])

  user                    = aws_iam_user.this[each.key].name
  password_reset_required = true
}

output "users" {
  value = sort(tolist(local.all_users))
}

output "user_count" {
  value = length(local.all_users)
}
