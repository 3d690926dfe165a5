# =============================================================================
# Outputs
# =============================================================================

output "load_balancer_dns" {
  description = "DNS name of the load balancer - open this in your browser!"
  value       = aws_lb.main.dns_name
}

output "web_instance_ids" {
  description = "IDs of the web server instances"
  value       = aws_instance.web[*].id
}

output "web_public_ips" {
  description = "Public IP addresses of the web servers"
  value       = aws_instance.web[*].public_ip
}

output "database_endpoint" {
  description = "The connection endpoint for the database"
  value       = aws_db_instance.main.endpoint
}

output "database_password" {
  description = "The database password (sensitive)"
  value       = random_password.db_password.result
  sensitive   = true
}

output "s3_bucket_name" {
  description = "Name of the S3 bucket for static assets"
  value       = aws_s3_bucket.assets.id
}
