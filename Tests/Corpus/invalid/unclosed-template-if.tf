locals {
  suffix = "%{ if var.debug }-debug"
}
