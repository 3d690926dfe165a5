# terraform test with mocks (>= 1.7) and provider functions (>= 1.8)

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
      arn        = "arn:aws:iam::123456789012:user/ci"
    }
  }
}

override_resource {
  target = aws_s3_bucket.adopted["logs"]
  values = {
    arn = "arn:aws:s3:::acme-legacy-logs"
  }
}

variables {
  role_arns = ["arn:aws:iam::123456789012:role/path/to/deployer"]
}

run "parses_account" {
  command = plan

  assert {
    condition     = provider::aws::arn_parse(var.role_arns[0]).account_id == "123456789012"
    error_message = "account id not parsed"
  }

  assert {
    condition     = provider::aws::trim_iam_role_path(var.role_arns[0]) == "deployer"
    error_message = "role path not trimmed"
  }
}

run "encodes_tfvars" {
  command = plan

  variables {
    settings = {
      instance_type = "t4g.nano"
      replicas      = 1
      tags          = {}
    }
  }

  assert {
    condition     = strcontains(provider::terraform::encode_tfvars({ replicas = 1 }), "replicas = 1")
    error_message = "unexpected tfvars encoding"
  }
}
