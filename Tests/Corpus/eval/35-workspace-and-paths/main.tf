locals {
  workspace   = terraform.workspace
  is_default  = terraform.workspace == "default"
  env         = local.is_default ? "dev" : terraform.workspace
  name_prefix = "ws-${local.env}"

  env_settings = {
    dev  = { instance_type = "t3.micro", count = 1 }
    prod = { instance_type = "m5.large", count = 3 }
  }
  settings = lookup(local.env_settings, local.env, local.env_settings["dev"])
}

module "label" {
  source    = "./modules/label"
  name      = "api"
  namespace = local.name_prefix
}

resource "aws_iam_policy" "readonly" {
  name   = "${local.name_prefix}-readonly"
  policy = file("${path.module}/policies/readonly.json")
}

resource "aws_instance" "api" {
  count         = local.settings.count
  ami           = "ami-0123456789abcdef0"
  instance_type = local.settings.instance_type
  tags          = module.label.tags
}

resource "terraform_data" "context" {
  input = {
    workspace     = local.workspace
    is_default    = local.is_default
    env           = local.env
    path_module   = path.module
    path_root     = path.root
    module_paths  = module.label.paths
    module_ws     = module.label.workspace
    policy_parsed = jsondecode(file("${path.module}/policies/readonly.json")).Statement[0].Action
  }
}
