# Every kind of change to an existing state (made by steps/1): update, replace for each
# reason Terraform gives, create_before_destroy, delete for each reason, forget, moved,
# no-op, and changes inside module instances with for_each and count.
# scripts/gen-plan-fixtures.sh also taints terraform_data.tainted and plans with
# -replace=terraform_data.requested.
variable "password" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

resource "terraform_data" "keep" { input = "same" }
resource "terraform_data" "upd" { input = { size = 2, password = var.password } }

removed {
  from = terraform_data.forgotten
  lifecycle { destroy = false }
}

moved {
  from = terraform_data.old_name
  to   = terraform_data.new_name
}
resource "terraform_data" "new_name" { input = "moving" }

resource "terraform_data" "counted" {
  count = 2
  input = count.index
}

resource "terraform_data" "each" {
  for_each = toset(["a", "we\"ird", "x$${y}", "back\\slash", "ünï code", "dot.ted key", "new"])
  input    = each.key
}

resource "terraform_data" "cbd" {
  triggers_replace = ["v2"]
  lifecycle { create_before_destroy = true }
}

resource "terraform_data" "tainted" { input = "t" }
resource "terraform_data" "requested" { input = "r" }
resource "terraform_data" "trigger_src" { input = "v2" }

resource "terraform_data" "triggered" {
  input = "x"
  lifecycle { replace_triggered_by = [terraform_data.trigger_src] }
}

module "svc" {
  source   = "./modules/svc"
  for_each = { "k1" = 1, "k\"2" = 3 }
  n        = each.value
}
