output "vpc_id" {
  value = module.vpc.vpc_id
}

output "api_service" {
  value = module.api.service_name
}

# end of outputs