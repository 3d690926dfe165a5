locals {
  is_postgres = startswith(var.engine, "aurora-postgresql")
  port        = local.is_postgres ? 5432 : 3306
  family      = local.is_postgres ? "aurora-postgresql${split(".", var.engine_version)[0]}" : "aurora-mysql8.0"

  final_snapshot_identifier = "${var.cluster_identifier}-final-${formatdate("YYYYMMDDhhmmss", timestamp())}"
}

resource "random_password" "master" {
  count   = var.master_password == null ? 1 : 0
  length  = 32
  special = true
  # RDS rejects '/', '@', '"' and ' '
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

resource "aws_db_subnet_group" "this" {
  name       = var.cluster_identifier
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name_prefix = "${var.cluster_identifier}-"
  vpc_id      = var.vpc_id
  description = "Aurora ${var.engine} access"

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "ingress_sg" {
  count                    = length(var.allowed_security_group_ids)
  type                     = "ingress"
  from_port                = local.port
  to_port                  = local.port
  protocol                 = "tcp"
  source_security_group_id = var.allowed_security_group_ids[count.index]
  security_group_id        = aws_security_group.this.id
}

resource "aws_security_group_rule" "ingress_cidr" {
  count             = length(var.allowed_cidr_blocks) > 0 ? 1 : 0
  type              = "ingress"
  from_port         = local.port
  to_port           = local.port
  protocol          = "tcp"
  cidr_blocks       = var.allowed_cidr_blocks
  security_group_id = aws_security_group.this.id
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.cluster_identifier
  engine             = var.engine
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  master_username    = var.master_username
  master_password    = var.master_password != null ? var.master_password : random_password.master[0].result
  port               = local.port

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  backup_retention_period      = var.backup_retention_period
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot        = true

  storage_encrypted = var.storage_encrypted
  kms_key_id        = var.kms_key_id != "" ? var.kms_key_id : null

  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : local.final_snapshot_identifier

  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = local.is_postgres ? ["postgresql"] : ["audit", "error", "slowquery"]

  dynamic "serverlessv2_scaling_configuration" {
    for_each = var.serverless_v2_scaling[*]
    content {
      min_capacity = serverlessv2_scaling_configuration.value.min_capacity
      max_capacity = serverlessv2_scaling_configuration.value.max_capacity
    }
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [
      final_snapshot_identifier, # contains timestamp()
      master_password,
      engine_version,
    ]
    prevent_destroy = false
  }
}

resource "aws_rds_cluster_instance" "this" {
  for_each = var.instances

  identifier         = "${var.cluster_identifier}-${each.key}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = var.serverless_v2_scaling != null ? "db.serverless" : lookup(each.value, "instance_class", var.instance_class)
  engine             = aws_rds_cluster.this.engine
  engine_version     = aws_rds_cluster.this.engine_version
  promotion_tier     = lookup(each.value, "promotion_tier", 1)

  publicly_accessible          = lookup(each.value, "publicly_accessible", false)
  performance_insights_enabled = true
  monitoring_interval          = 60
  monitoring_role_arn          = aws_iam_role.monitoring.arn
  auto_minor_version_upgrade   = true

  tags = var.tags
}

resource "aws_iam_role" "monitoring" {
  name_prefix        = "rds-mon-"
  assume_role_policy = data.aws_iam_policy_document.monitoring_assume.json
}

data "aws_iam_policy_document" "monitoring_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_secretsmanager_secret" "master" {
  name                    = "rds/${var.cluster_identifier}/master"
  recovery_window_in_days = 0
}

resource "aws_secretsmanager_secret_version" "master" {
  secret_id = aws_secretsmanager_secret.master.id
  secret_string = jsonencode({
    username = aws_rds_cluster.this.master_username
    password = aws_rds_cluster.this.master_password
    host     = aws_rds_cluster.this.endpoint
    port     = aws_rds_cluster.this.port
    dbname   = aws_rds_cluster.this.database_name
    url      = "postgres://${aws_rds_cluster.this.master_username}:${aws_rds_cluster.this.master_password}@${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${aws_rds_cluster.this.database_name}?sslmode=require"
  })
}
