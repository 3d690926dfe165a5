variable "name" { type = string }
variable "subnet_ids" { type = list(string) }
variable "security_group_ids" { type = list(string) }
variable "node_type" {
  type    = string
  default = "cache.t4g.medium"
}
variable "num_cache_clusters" {
  type    = number
  default = 2
}
variable "transit_encryption" {
  type    = bool
  default = false
}
variable "auth_token" {
  type      = string
  default   = null
  sensitive = true
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_elasticache_parameter_group" "this" {
  name   = "${var.name}-redis7"
  family = "redis7"

  parameter {
    name  = "maxmemory-policy"
    value = "allkeys-lru"
  }

  parameter {
    name  = "notify-keyspace-events"
    value = "" # disabled
  }

  parameter { # 5 minutes, expressed in seconds
    name  = "timeout"
    value = 300
  }
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Redis for ${var.name}"

  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.node_type
  num_cache_clusters   = var.num_cache_clusters
  port                 = 6379
  parameter_group_name = aws_elasticache_parameter_group.this.name
  subnet_group_name    = aws_elasticache_subnet_group.this.name
  security_group_ids   = var.security_group_ids

  automatic_failover_enabled = var.num_cache_clusters > 1
  multi_az_enabled           = var.num_cache_clusters > 1 && true

  at_rest_encryption_enabled = false
  transit_encryption_enabled = var.transit_encryption
  auth_token                 = var.transit_encryption ? var.auth_token : null

  snapshot_retention_limit = 0
  apply_immediately        = true

  log_delivery_configuration {
    destination      = "/aws/elasticache/${var.name}"
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}

output "primary_endpoint" {
  value = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "redis_url" {
  value = "redis${var.transit_encryption ? "s" : ""}://${aws_elasticache_replication_group.this.primary_endpoint_address}:6379"
}
