module "platform" {
  source = "./modules/platform"

  name        = "orders"
  environment = "prod"
  cidr        = "10.42.0.0/16"
  subnets = {
    web = { index = 1, public = true }
    app = { index = 2 }
    db  = { index = 3 }
  }
}

resource "terraform_data" "summary" {
  input = {
    vpc_name      = module.platform.vpc_name
    subnet_cidrs  = module.platform.subnet_cidrs
    public_names  = module.platform.public_subnet_names
    paths         = module.platform.paths
  }
}

output "subnet_cidrs" {
  value = module.platform.subnet_cidrs
}
