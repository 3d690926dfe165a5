locals {
  sg_name = "${var.name_prefix}-sg"

  # Flatten per-port app rules so we can for_each over them.
  app_rules = flatten([
    for port in var.app_ports : [
      for cidr in var.allowed_cidrs : {
        key  = "${port}-${replace(cidr, "/", "_")}"
        port = port
        cidr = cidr
      }
    ]
  ])
}

resource "aws_security_group" "alb" {
  name        = "${local.sg_name}-alb"
  description = "Load balancer security group"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      description = coalesce(rule.value.description, "managed rule ${rule.key}")
      from_port   = rule.value.from_port
      to_port     = rule.value.to_port
      protocol    = rule.value.protocol
      cidr_blocks = rule.value.cidr_blocks
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = var.tags
}

resource "aws_security_group" "app" {
  name_prefix = "${local.sg_name}-app-"
  vpc_id      = var.vpc_id

  ingress {
    description     = "from ALB"
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [aws_security_group.alb.id]
  }

  # SSH from anywhere. Yes, really. Ticket OPS-311 tracks removing it.
  dynamic "ingress" {
    for_each = var.enable_ssh ? ["ssh"] : []
    content {
      description = "SSH"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = -1
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(var.tags, { Name = "${local.sg_name}-app" })
}

resource "aws_vpc_security_group_ingress_rule" "app_ports" {
  for_each = { for r in local.app_rules : r.key => r }

  security_group_id = aws_security_group.app.id
  cidr_ipv4         = each.value.cidr
  from_port         = each.value.port
  to_port           = each.value.port
  ip_protocol       = "tcp"
}

resource "aws_security_group" "db" {
  name   = "${local.sg_name}-db"
  vpc_id = var.vpc_id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }

  ingress { # MySQL for the legacy reporting box
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress {}

  tags = var.tags
}
