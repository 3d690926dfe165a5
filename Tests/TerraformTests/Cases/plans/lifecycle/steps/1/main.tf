# The state the plan in ../../main.tf is made against.
variable "password" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

resource "terraform_data" "keep" { input = "same" }
resource "terraform_data" "upd" { input = { size = 1, password = var.password } }
resource "terraform_data" "gone" { input = "bye" }
resource "terraform_data" "forgotten" { input = "forget me" }
resource "terraform_data" "old_name" { input = "moving" }

resource "terraform_data" "counted" {
  count = 3
  input = count.index
}

# Keys that need escaping in addresses: quote, backslash, `${`, non-ASCII, dot, space.
resource "terraform_data" "each" {
  for_each = toset(["a", "b", "we\"ird", "x$${y}", "back\\slash", "ünï code", "dot.ted key"])
  input    = each.key
}

resource "terraform_data" "cbd" {
  triggers_replace = ["v1"]
  lifecycle { create_before_destroy = true }
}

resource "terraform_data" "tainted" { input = "t" }
resource "terraform_data" "requested" { input = "r" }
resource "terraform_data" "trigger_src" { input = "v1" }

resource "terraform_data" "triggered" {
  input = "x"
  lifecycle { replace_triggered_by = [terraform_data.trigger_src] }
}

module "svc" {
  source   = "../../modules/svc"
  for_each = { "k1" = 1, "k\"2" = 2 }
  n        = each.value
}
