locals {
  instance_type = var.env == "prod" ? "m6i.large"
}
