# The quick-and-dirty admin setup an agent writes to "make it work".
variable "ci_user_name" {
  type    = string
  default = "ci-deployer"
}

resource "aws_iam_user" "ci" {
  name          = var.ci_user_name
  path          = "/automation/"
  force_destroy = true

  tags = {
    Purpose = "CI deployments"
  }
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

resource "aws_iam_user_policy" "ci_admin" {
  name = "ci-full-access"
  user = aws_iam_user.ci.name

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllowEverything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role" "ec2_admin" {
  name = "ec2-admin-role"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role_policy" "s3_star" {
  name = "s3-everything"
  role = aws_iam_role.ec2_admin.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:*", "kms:Decrypt"]
        Resource = ["*"]
      },
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "arn:aws:iam::*:role/*"
        Condition = { StringLike = { "iam:PassedToService" = "ec2.amazonaws.com" } }
      },
    ]
  })
}

resource "aws_iam_instance_profile" "ec2_admin" {
  name = "ec2-admin-profile"
  role = aws_iam_role.ec2_admin.name
}

resource "aws_iam_policy" "assume_any" {
  name = "assume-any-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sts:AssumeRole"]
      Resource = "*"
      Condition = {
        NumericLessThan = { "aws:MultiFactorAuthAge" = 3600 }
        Bool            = { "aws:SecureTransport" = true }
      }
    }]
  })
}
