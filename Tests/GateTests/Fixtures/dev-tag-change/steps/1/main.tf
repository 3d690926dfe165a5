# Step 1 (applied against moto): a dev bucket and a role.
resource "aws_s3_bucket" "assets" {
  bucket = "airlock-dev-assets"
  tags   = { env = "dev", owner = "team-a" }
}

resource "aws_iam_role" "ci" {
  name = "airlock-dev-ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  tags = { env = "dev" }
}
