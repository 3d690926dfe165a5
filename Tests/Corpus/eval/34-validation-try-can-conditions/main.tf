variable "environment" {
  type    = string
  default = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "cidr" {
  type    = string
  default = "10.50.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr, 0))
    error_message = "cidr must be a valid CIDR block."
  }
}

variable "instance_type" {
  type    = string
  default = "t3.medium"

  validation {
    condition     = can(regex("^(t3|m5|c6i)\\.", var.instance_type))
    error_message = "Only t3, m5 and c6i families are allowed."
  }

  validation {
    condition     = !endswith(var.instance_type, ".metal")
    error_message = "Metal instances are not allowed."
  }
}

variable "email" {
  type    = string
  default = "ops@example.com"

  validation {
    condition     = length(regexall("^[^@]+@[^@]+\\.[a-z]+$", var.email)) == 1
    error_message = "Invalid email."
  }
}

variable "raw_config" {
  type    = string
  default = "{\"retention\": 45, \"tier\": \"gold\"}"
}

variable "maybe_map" {
  type    = any
  default = { name = "x" }
}

locals {
  sizes = {
    dev     = { count = 1, disk = 20 }
    staging = { count = 2, disk = 50 }
    prod    = { count = 3, disk = 100 }
  }

  config        = try(jsondecode(var.raw_config), {})
  retention     = try(local.config.retention, 7)
  tier          = try(local.config.tier, "bronze")
  missing_attr  = try(local.config.does_not_exist, "fallback")
  bad_json      = try(jsondecode("{not json"), "invalid-json")
  has_name      = can(var.maybe_map.name)
  has_owner     = can(var.maybe_map.owner)
  first_or_null = try(element([], 0), null)
  number_check  = can(tonumber("12a"))
  size          = local.sizes[var.environment]
}

resource "aws_instance" "app" {
  count         = local.size.count
  ami           = "ami-0aaaaaaaaaaaaaaaa"
  instance_type = var.instance_type

  root_block_device {
    volume_size = local.size.disk
  }

  tags = {
    Name      = "app-${var.environment}-${count.index}"
    Retention = local.retention
  }

  lifecycle {
    precondition {
      condition     = local.size.disk >= 20
      error_message = "Disk too small."
    }

    postcondition {
      condition     = self.instance_type == var.instance_type
      error_message = "Instance type drifted."
    }
  }
}

resource "terraform_data" "checks" {
  input = {
    retention     = local.retention
    tier          = local.tier
    missing_attr  = local.missing_attr
    bad_json      = local.bad_json
    has_name      = local.has_name
    has_owner     = local.has_owner
    first_or_null = local.first_or_null
    number_check  = local.number_check
    subnet        = cidrsubnet(var.cidr, 4, 1)
  }

  lifecycle {
    precondition {
      condition     = local.retention > 0
      error_message = "Retention must be positive."
    }
  }
}

check "email_domain" {
  assert {
    condition     = endswith(var.email, "@example.com")
    error_message = "Email should be on example.com."
  }
}

output "size" {
  value = local.size

  precondition {
    condition     = local.size.count > 0
    error_message = "Count must be positive."
  }
}
