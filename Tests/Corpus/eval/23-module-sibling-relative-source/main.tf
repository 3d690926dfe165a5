module "naming" {
  source = "./modules/shared/naming"

  org         = "Acme Corp"
  environment = "qa"
}

module "app" {
  source = "./modules/app"

  environment = "qa"
  service     = "Inventory API"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/${module.naming.prefix}/${module.app.service_slug}"
  retention_in_days = 30
  tags              = module.naming.tags
}

resource "terraform_data" "names" {
  input = {
    root_prefix = module.naming.prefix
    app         = module.app.names
  }
}
