variable "environment" {
  type = string
}

variable "service" {
  type = string
}

# A module that reaches its sibling with a "../" source.
module "naming" {
  source = "../shared/naming"

  org         = "Acme Corp"
  environment = var.environment
  component   = local.service_slug
}

locals {
  service_slug = replace(lower(var.service), " ", "-")
}

resource "aws_ecr_repository" "this" {
  name                 = "${module.naming.prefix}"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = false
  }

  tags = module.naming.tags
}

output "service_slug" {
  value = local.service_slug
}

output "names" {
  value = {
    prefix      = module.naming.prefix
    tags        = module.naming.tags
    naming_path = module.naming.path
    repo        = aws_ecr_repository.this.name
  }
}
