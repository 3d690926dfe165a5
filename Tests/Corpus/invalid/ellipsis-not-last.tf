locals {
  tags = merge(local.tag_layers..., { Name = "web" })
}
