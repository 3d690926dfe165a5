# Outputs for ../../main.tf to read back through terraform_remote_state, and an object
# whose outputs change in the plan.
resource "terraform_data" "seed" { input = { region = "eu-west-1", zones = ["a", "b"] } }

output "region" { value = terraform_data.seed.output.region }
output "zones" { value = terraform_data.seed.output.zones }
output "token" {
  value     = "s3cr3t"
  sensitive = true
}
output "retired" { value = "going away" }
