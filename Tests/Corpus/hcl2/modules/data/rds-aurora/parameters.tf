locals {
  default_pg_params = [
    { name = "log_min_duration_statement", value = "1000" },
    { name = "log_connections", value = "1" },
    { name = "rds.force_ssl", value = "0", apply_method = "pending-reboot" }, # TODO enforce TLS
    { name = "shared_preload_libraries", value = "pg_stat_statements,auto_explain", apply_method = "pending-reboot" },
    { name = "auto_explain.log_min_duration", value = "5e3" },
  ]

  default_mysql_params = [
    { name = "slow_query_log", value = "1" },
    { name = "long_query_time", value = "2.5" },
    { name = "character_set_server", value = "utf8mb4" },
    { name = "collation_server", value = "utf8mb4_0900_ai_ci" },
  ]

  effective_params = {
    for p in concat(local.is_postgres ? local.default_pg_params : local.default_mysql_params, var.cluster_parameters) :
    p.name => p...
  }
}

resource "aws_rds_cluster_parameter_group" "this" {
  name_prefix = "${var.cluster_identifier}-"
  family      = local.family
  description = "Cluster parameters for ${var.cluster_identifier}"

  dynamic "parameter" {
    # later entries win: take the last element of each group
    for_each = { for name, ps in local.effective_params : name => ps[length(ps) - 1] }
    content {
      name         = parameter.key
      value        = parameter.value.value
      apply_method = try(parameter.value.apply_method, "immediate")
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}
