resource "aws_security_group" "app" {
  name        = "app-dynamic"
  description = "Application security group built from variables"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule

    content {
      description = rule.value.description
      from_port   = rule.value.port
      to_port     = coalesce(rule.value.to_port, rule.value.port)
      protocol    = rule.value.protocol
      cidr_blocks = rule.value.cidr_blocks
    }
  }

  dynamic "egress" {
    for_each = var.egress_cidrs

    content {
      description = "egress to ${egress.key}"
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = [egress.value]
    }
  }

  tags = {
    Name       = "app-dynamic"
    RuleCount  = length(var.ingress_rules)
    OpenToAll  = anytrue([for r in var.ingress_rules : contains(r.cidr_blocks, "0.0.0.0/0")])
  }
}

resource "terraform_data" "rules" {
  input = {
    ports     = var.ingress_rules[*].port
    protocols = distinct(var.ingress_rules[*].protocol)
    to_ports  = [for r in var.ingress_rules : coalesce(r.to_port, r.port)]
  }
}
