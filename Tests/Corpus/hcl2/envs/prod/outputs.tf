output "vpc_id" {
  value = module.vpc.vpc_id
}

output "eks" {
  value = {
    name     = module.eks.cluster_name
    endpoint = module.eks.cluster_endpoint
  }
}

output "db_endpoint" {
  value = module.aurora.cluster_endpoint
}

output "db_password" {
  value     = module.aurora.master_password
  sensitive = true
}

output "site_url" { value = module.site.url }

output "worker_arns" {
  value = { for name, w in module.workers : name => w.function_arn }
}

output "summary" {
  value = <<-EOT
    Environment: ${local.env}
    VPC:         ${module.vpc.vpc_id} (${var.vpc_cidr})
    AZs:         ${join(", ", var.azs)}
    EKS:         ${module.eks.cluster_name}
    Workers:
    %{~ for name, w in module.workers }
      - ${name}: ${w.function_arn}
    %{~ endfor }
  EOT
}
