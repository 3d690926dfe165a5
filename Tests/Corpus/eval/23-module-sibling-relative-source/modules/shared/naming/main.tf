variable "org" {
  type = string
}

variable "environment" {
  type = string
}

variable "component" {
  type    = string
  default = null
}

locals {
  org_slug = lower(replace(var.org, "/[^a-zA-Z0-9]+/", "-"))
  parts    = compact([local.org_slug, var.environment, var.component])
}

output "prefix" {
  value = join("-", local.parts)
}

output "tags" {
  value = {
    Organization = var.org
    Environment  = var.environment
    Component    = coalesce(var.component, "none")
  }
}

output "path" {
  value = path.module
}
