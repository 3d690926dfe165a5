# Object types with optional() attributes and defaults, nested several levels deep.
variable "service" {
  type = object({
    name     = string
    port     = optional(number, 80)
    protocol = optional(string, "HTTP")
    public   = optional(bool)
    tags     = optional(map(string), {})
    health_check = optional(object({
      path     = optional(string, "/health")
      interval = optional(number, 30)
      matcher  = optional(string)
    }), {})
    scaling = optional(object({
      min = number
      max = optional(number, 4)
    }))
  })
  default = {
    name = "checkout"
    tags = { team = "payments" }
  }
}

variable "workers" {
  type = map(object({
    image   = string
    cpu     = optional(number, 256)
    memory  = optional(number, 512)
    command = optional(list(string))
    env     = optional(map(string), {})
    volumes = optional(list(object({
      name      = string
      path      = string
      read_only = optional(bool, true)
    })), [])
  }))
  default = {
    mailer = {
      image = "mailer:1.4"
      env   = { SMTP_HOST = "smtp.internal" }
    }
    resizer = {
      image   = "resizer:2.0"
      cpu     = 1024
      command = ["resize", "--fast"]
      volumes = [
        { name = "scratch", path = "/tmp/scratch", read_only = false },
        { name = "config", path = "/etc/resizer" },
      ]
    }
  }
}

variable "listeners" {
  type = list(object({
    port = number
    tls  = optional(bool, false)
    cert = optional(string)
  }))
  default = [
    { port = 80 },
    { port = 443, tls = true, cert = "arn:aws:acm:us-east-1:111122223333:certificate/abc" },
  ]
}

variable "feature_flags" {
  type = object({
    beta  = optional(bool, false)
    ratio = optional(number, 0.1)
  })
  default = null
  nullable = true
}

locals {
  flags = coalesce(var.feature_flags, { beta = false, ratio = 0 })
}

resource "terraform_data" "service" {
  input = var.service
}

resource "terraform_data" "workers" {
  for_each = var.workers

  input = {
    name        = each.key
    spec        = each.value
    mount_paths = [for v in each.value.volumes : v.path]
    writable    = [for v in each.value.volumes : v.name if !v.read_only]
  }
}

resource "terraform_data" "listeners" {
  input = var.listeners
}

resource "terraform_data" "derived" {
  input = {
    health_path = var.service.health_check.path
    has_scaling = var.service.scaling != null
    max         = try(var.service.scaling.max, 1)
    public      = var.service.public == null ? "unset" : tostring(var.service.public)
    tls_ports   = [for l in var.listeners : l.port if l.tls]
    flags       = local.flags
    flags_null  = var.feature_flags == null
  }
}

output "service" {
  value = var.service
}
