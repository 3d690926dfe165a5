variable "vpc_cidr" {
  type    = string
  default = "172.31.0.0/16"
}

variable "nacl_rules" {
  type = list(object({
    port   = number
    action = optional(string, "allow")
    cidr   = optional(string, "0.0.0.0/0")
  }))
  default = [
    { port = 443 },
    { port = 80 },
    { port = 22, cidr = "10.0.0.0/8" },
    { port = 3389, action = "deny" },
  ]
}

variable "app_ingress" {
  type = map(object({
    port = number
    cidr = string
  }))
  default = {
    https  = { port = 443, cidr = "0.0.0.0/0" }
    grpc   = { port = 50051, cidr = "172.31.0.0/16" }
    ssh    = { port = 22, cidr = "0.0.0.0/0" }
  }
}

resource "aws_vpc" "main" {
  cidr_block       = var.vpc_cidr
  instance_tenancy = "default"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 4, 0)
}

resource "aws_network_acl" "public" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.a.id]

  dynamic "ingress" {
    for_each = var.nacl_rules
    content {
      rule_no    = 100 + ingress.key * 10
      protocol   = "tcp"
      action     = ingress.value.action
      cidr_block = ingress.value.cidr
      from_port  = ingress.value.port
      to_port    = ingress.value.port
    }
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "App tier; rules are separate resources"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "app" {
  for_each = var.app_ingress

  security_group_id = aws_security_group.app.id
  description       = "${each.key} ingress"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs-bucket"
  max_aggregation_interval = 60
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
