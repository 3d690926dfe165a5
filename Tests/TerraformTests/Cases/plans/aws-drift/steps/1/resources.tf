# Step 1: the first version.
resource "aws_s3_bucket" "logs" {
  bucket = "airlock-fixture-v1"
  tags   = { Team = "platform" }
  lifecycle { create_before_destroy = true }
}

resource "aws_iam_role" "app" {
  name = "airlock-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  tags = { Owner = "airlock" }
}

resource "aws_security_group" "web" {
  name = "airlock-web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
