resource "aws_iam_policy" "ci_wildcard" {
  name        = "ci-wildcard"
  description = "Temporary policy for the CI pipeline while we figure out least privilege"

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowAll",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
EOF
}

resource "aws_iam_policy" "read_only_plus" {
  name = "read-only-plus"
  path = "/custom/"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole", "iam:Get*", "iam:List*"]
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:GenerateDataKey*",
        ]
        Resource = ["arn:aws:kms:*:${var.account_id}:key/*"]
      },
      {
        Effect    = "Deny"
        Action    = "s3:DeleteBucket"
        Resource  = "*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      }
    ]
  })
}

data "aws_iam_policy_document" "s3_read_write" {
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::${var.account_id}-*"]
  }

  statement {
    sid = "ReadWrite"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:*Object*",
    ]
    resources = ["arn:aws:s3:::${var.account_id}-*/*"]
  }

  statement {
    sid       = "DenyUnencryptedUploads"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms", "AES256"]
    }
  }
}

resource "aws_iam_policy" "s3_read_write" {
  name   = "s3-read-write"
  policy = "${data.aws_iam_policy_document.s3_read_write.json}"
}

resource "aws_iam_policy" "pass_role_any" {
  name = "pass-role-any"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::${var.account_id}:role/*" }]
  })
}
