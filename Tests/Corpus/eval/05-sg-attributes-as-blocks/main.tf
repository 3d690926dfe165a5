# ingress/egress written in attribute syntax: every field must be given.
locals {
  office_cidrs = ["203.0.113.0/24", "198.51.100.0/24"]

  ingress = [
    for port in [22, 3389] : {
      description      = "admin port ${port}"
      from_port        = port
      to_port          = port
      protocol         = "tcp"
      cidr_blocks      = local.office_cidrs
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    }
  ]
}

resource "aws_security_group" "admin" {
  name        = "admin-access"
  description = "Admin access from office"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress = local.ingress

  egress = [
    {
      description      = "all"
      from_port        = 0
      to_port          = 0
      protocol         = "-1"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = ["::/0"]
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]
}

resource "aws_security_group" "empty_egress" {
  name   = "no-egress"
  vpc_id = "vpc-0123456789abcdef0"

  ingress = []
  egress  = []
}

resource "aws_security_group_rule" "extra_https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.admin.id
}
