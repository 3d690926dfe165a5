# Unknown and sensitive values in every position Terraform writes them: whole attributes,
# members of objects, elements of lists, outputs, and data sources read at plan time or,
# when their configuration is unknown, during apply.
variable "db_password" {
  type      = string
  sensitive = true
  default   = "correct horse battery staple"
}

resource "terraform_data" "seed" { input = { region = "eu-west-1", zones = ["a", "b"] } }

# Read while planning: its values are known and it appears only in prior_state.
data "terraform_remote_state" "self" {
  backend = "local"
  config  = { path = "${path.module}/terraform.tfstate" }
}

resource "terraform_data" "app" {
  input = {
    name       = "app"
    created_at = timestamp()                               # unknown until apply
    password   = var.db_password                           # sensitive member
    tags       = { Env = "prod", Build = uuid() }          # known and unknown members
    zones      = data.terraform_remote_state.self.outputs.zones
    ports      = [80, 443]
    secrets    = [sensitive("one"), "two"]                 # a sensitive element
    nothing    = null
  }
}

resource "terraform_data" "downstream" {
  count = 2
  # The whole input is unknown: it is another resource's computed output.
  input = terraform_data.app.output
}

resource "terraform_data" "partial" {
  # A list whose first element is unknown and second known.
  input = [terraform_data.app.id, "fixed", { nested = terraform_data.app.id, known = 1 }]
}

# Its configuration is unknown while planning, so it is read during apply.
data "terraform_remote_state" "late" {
  backend = "local"
  config  = { path = "${path.module}/${terraform_data.partial.id}.tfstate" }
}

output "app_id" { value = terraform_data.app.id }
output "password" {
  value     = var.db_password
  sensitive = true
}
output "mixed" { value = { known = "yes", unknown = terraform_data.app.id, list = [1, terraform_data.app.id] } }
output "region" { value = data.terraform_remote_state.self.outputs.region }
output "zones" { value = ["a", "b", "c"] }
output "token" {
  value     = "n3w-s3cr3t"
  sensitive = true
}
