locals {
  hosts = <<-EOT
    %{ for h in var.hosts ~}
    server ${h}:8080;
  EOT
}
