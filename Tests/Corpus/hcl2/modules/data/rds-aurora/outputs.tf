output "cluster_endpoint" {
  value = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  value = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  value = local.port
}

output "master_password" {
  value     = aws_rds_cluster.this.master_password
  sensitive = true
}

output "instance_endpoints" {
  value = {
    for k, inst in aws_rds_cluster_instance.this :
    k => "${inst.endpoint}:${inst.port}"
  }
}

output "security_group_id" {
  value = aws_security_group.this.id
}

output "connection_string" {
  value     = "postgresql://${var.master_username}@${aws_rds_cluster.this.endpoint}:${local.port}/${var.database_name}"
  sensitive = false
}
