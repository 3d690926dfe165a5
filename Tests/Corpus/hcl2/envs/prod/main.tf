locals {
  env  = "prod"
  name = "acme-${local.env}"

  tags = {
    Environment = local.env
    Stack       = "platform"
  }
}

module "vpc" {
  source = "../../modules/network/vpc"

  name                   = local.name
  cidr_block             = var.vpc_cidr
  azs                    = var.azs
  public_subnet_newbits  = 8
  private_subnet_newbits = 4
  enable_nat_gateway     = true
  single_nat_gateway     = false
  enable_flow_logs       = true

  subnet_tags = {
    public  = { "kubernetes.io/role/elb" = "1" }
    private = { "kubernetes.io/role/internal-elb" = "1" }
  }

  tags = local.tags
}

module "security_groups" {
  source = "../../modules/network/security-groups"

  vpc_id      = module.vpc.vpc_id
  name_prefix = local.name
  enable_ssh  = false
  tags        = local.tags
}

module "logs" {
  source = "../../modules/s3/logging-bucket"
  name   = "${local.name}-logs-${var.account_id}"
}

module "kms_data" {
  source = "../../modules/kms"

  alias               = "${local.name}-data"
  enable_key_rotation = true
  service_principals  = ["rds.amazonaws.com", "logs.${var.region}.amazonaws.com"]
}

module "eks" {
  source = "../../modules/compute/eks"

  cluster_name    = local.name
  cluster_version = "1.29"
  vpc_id          = module.vpc.vpc_id
  subnet_ids      = module.vpc.private_subnet_ids
  node_groups     = var.eks_node_groups

  map_roles = [
    {
      rolearn  = "arn:aws:iam::${var.account_id}:role/platform-admins"
      username = "platform-admin"
      groups   = ["system:masters"]
    },
  ]

  tags = local.tags
}

module "aurora" {
  source = "../../modules/data/rds-aurora"

  cluster_identifier         = "${local.name}-main"
  engine_version             = "15.5"
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.database_subnet_ids
  allowed_security_group_ids = [module.security_groups.app_sg_id]
  storage_encrypted          = true
  kms_key_id                 = module.kms_data.key_arn
  backup_retention_period    = 35
  instances                  = var.db_instances

  cluster_parameters = [
    { name = "rds.force_ssl", value = "1", apply_method = "pending-reboot" },
  ]

  tags = local.tags
}

module "site" {
  source = "../../modules/s3/static-site"
  providers = {
    aws = aws.us_east_1
  }

  domain_name = var.domain_name
  aliases     = ["app.${var.domain_name}"]
  spa_mode    = true
}

module "alerts" {
  source            = "../../modules/monitoring/sns"
  name              = "${local.name}-alerts"
  email_subscribers = var.alert_emails
}

module "alarms" {
  source = "../../modules/monitoring/alarms"

  service          = local.name
  alarm_topic_arns = [module.alerts.topic_arn]
  rds_cluster_id   = "${local.name}-main"
  lambda_functions = [for k, fn in module.workers : fn.function_name]

  thresholds = {
    p99_latency_seconds = 0.75
    error_rate_percent  = 1
  }
}

module "workers" {
  source   = "../../modules/lambda/function"
  for_each = toset(["invoice-pdf", "email-digest", "nightly-export"])

  function_name       = "${local.name}-${each.key}"
  source_dir          = "${path.root}/../../../functions/${each.key}"
  schedule_expression = each.key == "nightly-export" ? "cron(0 2 * * ? *)" : null
  environment = {
    STAGE  = local.env
    BUCKET = module.logs.bucket_id
  }
}

module "iam_roles" {
  source = "../../modules/iam/roles"

  account_id          = var.account_id
  trusted_account_ids = ["222222222222", "333333333333"]
  github_repos        = var.github_repos

  roles = {
    "readonly-auditor" = {
      managed_policy_arns = ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"]
    }
    "data-engineer" = {
      description          = "Analysts running Athena queries"
      max_session_duration = 43200
      inline_policies = {
        athena = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = ["athena:*", "glue:*", "s3:*"], Resource = "*" }]
        })
      }
    }
  }
}

# --- refactoring history ------------------------------------------------------

moved {
  from = module.network
  to   = module.vpc
}

moved {
  from = aws_s3_bucket.logs
  to   = module.logs.aws_s3_bucket.logs
}

moved {
  from = module.workers["nightly_export"]
  to   = module.workers["nightly-export"]
}

import {
  to = module.logs.aws_s3_bucket.logs
  id = "acme-prod-logs-${var.account_id}"
}

import {
  to = aws_route53_zone.primary
  id = "Z0123456789ABCDEFGHIJ"
}

removed {
  from = aws_instance.legacy_jenkins

  lifecycle {
    destroy = false
  }
}

resource "aws_route53_zone" "primary" {
  name    = var.domain_name
  comment = "Managed by Terraform — do not edit in console"
}

check "site_is_up" {
  data "http" "homepage" {
    url = "https://${var.domain_name}/healthz"
    request_headers = {
      Accept = "application/json"
    }
  }

  assert {
    condition     = data.http.homepage.status_code == 200
    error_message = "${data.http.homepage.url} returned HTTP ${data.http.homepage.status_code}"
  }
}

check "certificate_not_expiring" {
  assert {
    condition     = timecmp(plantimestamp(), timeadd(module.site.distribution_id != "" ? "2030-01-01T00:00:00Z" : "2020-01-01T00:00:00Z", "-720h")) < 0
    error_message = "Certificate expires within 30 days."
  }
}
