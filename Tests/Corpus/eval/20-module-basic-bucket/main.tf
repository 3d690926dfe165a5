locals {
  tags = {
    Project = "website"
    Env     = "prod"
  }
}

module "assets" {
  source = "./modules/bucket"

  name       = "website-assets-prod"
  versioning = true
  tags       = local.tags
}

module "logs" {
  source = "./modules/bucket"

  name = "website-logs-prod"
  tags = merge(local.tags, { Retention = "90d" })
}

resource "aws_s3_bucket_logging" "assets" {
  bucket        = module.assets.id
  target_bucket = module.logs.id
  target_prefix = "${module.assets.name}/"
}

resource "terraform_data" "module_outputs" {
  input = {
    assets_name   = module.assets.name
    logs_name     = module.logs.name
    assets_tags   = module.assets.tags
    module_path   = module.assets.module_path
    versioning    = [module.assets.versioning_status, module.logs.versioning_status]
  }
}

output "assets_bucket" {
  value = module.assets.name
}

output "assets_arn" {
  value = module.assets.arn
}
