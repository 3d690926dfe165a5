output "vpc_id" {
  value = module.vpc..vpc_id
}
