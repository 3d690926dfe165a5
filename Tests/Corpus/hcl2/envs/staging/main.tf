provider "aws" {
  region = var.region
  default_tags { tags = { Environment = "staging" } }
}

locals {
  name = "acme-staging"
  azs  = ["${var.region}a", "${var.region}b"]

  # staging mirrors prod but smaller; compute sizes relative to prod
  prod_node_count    = 6
  staging_node_count = max(1, floor(local.prod_node_count / 3))
  db_instances = {
    for i in range(1 + var.replica_count) :
    (i == 0 ? "writer" : "reader${i}") => { instance_class = "db.t4g.medium" }
  }
}

module "vpc" {
  source = "../../modules/network/vpc"

  name                     = local.name
  cidr_block               = var.vpc_cidr
  azs                      = local.azs
  public_subnet_newbits    = 8
  single_nat_gateway       = true
  database_subnets_enabled = true
}

module "sg" {
  source        = "../../modules/network/security-groups"
  vpc_id        = module.vpc.vpc_id
  name_prefix   = local.name
  allowed_cidrs = concat(["0.0.0.0/0"], var.developer_ips)
  app_ports     = [8080]
}

module "db" {
  source = "../../modules/data/rds-aurora"

  cluster_identifier  = "${local.name}-db"
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.database_subnet_ids
  master_password     = var.db_password
  instances           = local.db_instances
  deletion_protection = false
  skip_final_snapshot = true
  allowed_cidr_blocks = ["0.0.0.0/0"] # so devs can connect from home

  serverless_v2_scaling = {
    min_capacity = 0.5
    max_capacity = 4
  }
}

module "cache" {
  source             = "../../modules/data/elasticache"
  name               = "${local.name}-cache"
  subnet_ids         = module.vpc.private_subnet_ids
  security_group_ids = [module.sg.db_sg_id]
  num_cache_clusters = 1
}

module "api" {
  source = "../../modules/ecs/service"

  cluster_arn        = aws_ecs_cluster.this.arn
  service_name       = "api"
  image              = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/api"
  subnet_ids         = module.vpc.public_subnet_ids
  security_group_ids = [module.sg.app_sg_id]
  assign_public_ip   = true
  desired_count      = local.staging_node_count

  environment = {
    DATABASE_URL = "postgres://postgres:${var.db_password}@${module.db.cluster_endpoint}:5432/app"
    REDIS_URL    = module.cache.redis_url
    FEATURE_X    = "true"
  }

  sidecars = [
    { name = "datadog-agent", image = "public.ecr.aws/datadog/agent:7", port = 8126 },
  ]
}

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "random_pet" "suffix" {
  length    = 2
  separator = "-"
}

resource "null_resource" "seed_db" {
  triggers = {
    cluster = module.db.cluster_endpoint
    always  = timestamp()
  }

  provisioner "local-exec" {
    command = "psql \"$DATABASE_URL\" -f ${path.module}/seed/staging.sql"
    environment = {
      DATABASE_URL = "postgres://postgres:${var.db_password}@${module.db.cluster_endpoint}/app"
    }
  }
}
