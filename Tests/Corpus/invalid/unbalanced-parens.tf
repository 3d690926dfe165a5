locals {
  size = max(1, min(var.desired, var.maximum)
}
