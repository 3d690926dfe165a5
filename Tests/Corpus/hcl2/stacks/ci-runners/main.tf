terraform {
  required_providers {
    random = { source = "hashicorp/random" }
    null   = { source = "hashicorp/null" }
    aws    = { source = "hashicorp/aws" }
  }
}

variable "runner_count" {
  type    = number
  default = 3
}

variable "runner_labels" {
  type    = list(string)
  default = ["self-hosted", "linux", "x64", "docker"]
}

variable "registration_token" {
  type      = string
  sensitive = true
  default   = ""
}

variable "github_url" {
  type    = string
  default = "https://github.com/example-corp"
}

resource "random_id" "runner" {
  count       = var.runner_count
  byte_length = 3
  keepers = {
    labels = join(",", var.runner_labels)
  }
}

resource "random_shuffle" "az" {
  input        = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  result_count = 1
}

resource "random_integer" "port" {
  min = 20000
  max = 29999
}

resource "random_string" "webhook_secret" {
  length  = 40
  special = false
  upper   = true
}

resource "random_uuid" "fleet" {}

resource "terraform_data" "runner_config" {
  count = var.runner_count

  input = {
    name   = "runner-${random_id.runner[count.index].hex}"
    labels = var.runner_labels
    az     = random_shuffle.az.result[0]
  }

  triggers_replace = [random_id.runner[count.index].hex]
}

resource "aws_instance" "runner" {
  count         = var.runner_count
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "c6i.2xlarge"

  availability_zone           = terraform_data.runner_config[count.index].output.az
  associate_public_ip_address = true

  # Runners need Docker-in-Docker, so they run privileged with full admin.
  iam_instance_profile = "AdministratorAccess-InstanceProfile"

  user_data = <<-EOT
    #!/bin/bash -ex
    mkdir -p /opt/actions-runner && cd /opt/actions-runner
    curl -fsSL -o runner.tgz https://github.com/actions/runner/releases/download/v2.316.1/actions-runner-linux-x64-2.316.1.tar.gz
    tar xzf runner.tgz
    RUNNER_ALLOW_RUNASROOT=1 ./config.sh \
      --url ${var.github_url} \
      --token ${var.registration_token} \
      --name ${terraform_data.runner_config[count.index].output.name} \
      --labels ${join(",", terraform_data.runner_config[count.index].output.labels)} \
      --unattended --replace
    RUNNER_ALLOW_RUNASROOT=1 ./svc.sh install root && ./svc.sh start
  EOT

  lifecycle {
    replace_triggered_by = [terraform_data.runner_config[count.index]]
    ignore_changes       = [ami, user_data]
  }

  tags = {
    Name  = terraform_data.runner_config[count.index].output.name
    Fleet = random_uuid.fleet.result
  }
}

resource "null_resource" "deregister" {
  count = var.runner_count

  triggers = {
    name  = terraform_data.runner_config[count.index].output.name
    url   = var.github_url
    token = var.registration_token
  }

  provisioner "local-exec" {
    when    = destroy
    command = "gh api -X DELETE /orgs/example-corp/actions/runners/$(gh api /orgs/example-corp/actions/runners --jq '.runners[] | select(.name==\"${self.triggers.name}\") | .id')"
  }
}

resource "terraform_data" "smoke_test" {
  depends_on = [aws_instance.runner]

  provisioner "local-exec" {
    command     = "./scripts/smoke.sh ${join(" ", aws_instance.runner[*].public_ip)}"
    working_dir = path.module
    interpreter = ["bash", "-c"]
  }
}

output "runner_names" {
  value = terraform_data.runner_config[*].output.name
}

output "webhook" {
  value = {
    port   = random_integer.port.result
    secret = random_string.webhook_secret.result
  }
  sensitive = true
}
