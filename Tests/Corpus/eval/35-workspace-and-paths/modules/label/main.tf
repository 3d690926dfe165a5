variable "name" {
  type = string
}

variable "namespace" {
  type = string
}

output "id" {
  value = "${var.namespace}-${var.name}"
}

output "tags" {
  value = {
    Name      = "${var.namespace}-${var.name}"
    Workspace = terraform.workspace
  }
}

output "workspace" {
  value = terraform.workspace
}

output "paths" {
  value = {
    module = path.module
    root   = path.root
  }
}
