# terraform.io/builtin/terraform provider functions (Terraform >= 1.8)

variable "settings" {
  type = object({
    instance_type = string
    replicas      = number
    tags          = map(string)
  })
  default = {
    instance_type = "m7g.large"
    replicas      = 3
    tags          = { Team = "platform", "cost-center" = "cc-1234" }
  }
}

locals {
  rendered_tfvars = provider::terraform::encode_tfvars({
    instance_type = var.settings.instance_type
    replicas      = var.settings.replicas
    tags          = var.settings.tags
  })

  round_tripped = provider::terraform::decode_tfvars(local.rendered_tfvars)

  tags_expr = provider::terraform::encode_expr(var.settings.tags)
  list_expr = provider::terraform::encode_expr([1, "two", true, null])
}

resource "local_file" "generated_tfvars" {
  filename = "${path.module}/generated/child.auto.tfvars"
  content  = <<-EOT
    # generated - do not edit
    ${local.rendered_tfvars}
    extra_tags = ${local.tags_expr}
  EOT
}

output "round_trip_matches" {
  value = local.round_tripped.replicas == var.settings.replicas
}
