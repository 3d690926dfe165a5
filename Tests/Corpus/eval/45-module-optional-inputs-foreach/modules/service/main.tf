variable "name" {
  type = string
}

variable "config" {
  type = object({
    port     = number
    replicas = optional(number, 1)
    public   = optional(bool, false)
    env      = optional(map(string), {})
    labels   = optional(map(string), { managed = "terraform" })
  })
}

locals {
  spec = merge(var.config, {
    env = merge({ SERVICE_NAME = var.name, PORT = tostring(var.config.port) }, var.config.env)
  })
}

resource "terraform_data" "deployment" {
  input = {
    name = var.name
    spec = local.spec
  }
}

resource "terraform_data" "replica" {
  count = var.config.replicas
  input = "${var.name}-${count.index}"
}

output "endpoint" {
  value = "${var.name}.svc.cluster.local:${var.config.port}"
}

output "spec" {
  value = local.spec
}
