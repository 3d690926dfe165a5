data "aws_caller_identity" "this" {}

locals {
  root_arn = "arn:aws:iam::${data.aws_caller_identity.this.account_id}:root"

  admins = length(var.admin_principals) == 0 ? [local.root_arn] : var.admin_principals

  statements = concat(
    [
      {
        Sid       = "EnableRootAccess"
        Effect    = "Allow"
        Principal = { AWS = local.root_arn }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "KeyAdministrators"
        Effect    = "Allow"
        Principal = { AWS = local.admins }
        Action = [
          "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
          "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
          "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        ]
        Resource = "*"
      },
    ],
    length(var.user_principals) > 0 ? [{
      Sid       = "KeyUsers"
      Effect    = "Allow"
      Principal = { AWS = var.user_principals }
      Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      Resource  = "*"
    }] : [],
    [for svc in var.service_principals : {
      Sid       = "Service${replace(title(replace(split(".", svc)[0], "-", " ")), " ", "")}"
      Effect    = "Allow"
      Principal = { Service = svc }
      Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
      Resource  = "*"
    }],
  )
}

resource "aws_kms_key" "this" {
  description             = coalesce(var.description, "CMK ${var.alias}")
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = var.enable_key_rotation
  multi_region            = var.multi_region
  policy                  = jsonencode({ Version = "2012-10-17", Statement = local.statements })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${trimprefix(var.alias, "alias/")}"
  target_key_id = aws_kms_key.this.key_id
}
