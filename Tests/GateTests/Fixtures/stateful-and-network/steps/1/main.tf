# Step 1 (applied against moto): a KMS key, a security group in the default VPC and one
# ingress rule of it.
resource "aws_kms_key" "data" {
  description             = "airlock data key"
  deletion_window_in_days = 7
}

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
  description       = "HTTPS from the office"
}
