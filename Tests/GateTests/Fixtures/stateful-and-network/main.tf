# plan.json, mixed: the KMS key is removed from the configuration -> delete of
# aws_kms_key.data; a new VPC and subnet -> creates; the security group rule's description
# changes -> update of aws_security_group_rule.https (the only in-place change a rule
# allows); the security group itself is a no-op.
resource "aws_security_group" "app" {
  name        = "airlock-app"
  description = "app servers"
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/8"]
  description       = "HTTPS from the internal network"
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = "airlock-main" }
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
  tags              = { Name = "airlock-private-a" }
}
