variable "n" { type = number }

resource "terraform_data" "inner" {
  count = var.n
  input = count.index
}

module "leaf" {
  source = "./modules/leaf"
  count  = 1
}
