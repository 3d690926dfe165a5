variable "hostname" {
  type    = string
  default = "bastion"
}

variable "packages" {
  type    = list(string)
  default = ["nginx", "jq", "awscli"]
}

variable "env_vars" {
  type = map(string)
  default = {
    APP_ENV  = "production"
    LOG_LEVEL = "info"
  }
}

variable "enable_swap" {
  type    = bool
  default = true
}

locals {
  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    hostnamectl set-hostname ${var.hostname}
    %{ for p in var.packages ~}
    apt-get install -y ${p}
    %{ endfor ~}
    %{ if var.enable_swap ~}
    fallocate -l 1G /swapfile && mkswap /swapfile && swapon /swapfile
    %{ else ~}
    echo "no swap"
    %{ endif ~}
    cat > /etc/app.env <<EOF
    %{ for k, v in var.env_vars ~}
    ${k}=${v}
    %{ endfor ~}
    EOF
    echo "literal $${HOME} and %%{ not a directive }"
  EOT

  motd = <<EOT
Welcome to ${upper(var.hostname)}
  Packages: ${join(", ", var.packages)}
EOT

  inline_directives = "Packages:%{ for i, p in var.packages } ${i}=${p}%{ if i < length(var.packages) - 1 },%{ endif }%{ endfor }."
  strip_markers     = "[ %{~ if true ~} x %{~ endif ~} ]"
  escaped           = "100%% sure, $${var.hostname} is not interpolated"
  unicode           = "caf\u00e9 \u2603 tab:\there"
  multiline_expr    = "${
    var.enable_swap
    ? "swap"
    : "noswap"
  }"
}

resource "aws_instance" "bastion" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.nano"
  user_data     = local.user_data

  tags = {
    Name = var.hostname
    Motd = trimspace(local.motd)
  }
}

resource "terraform_data" "strings" {
  input = {
    user_data         = local.user_data
    motd              = local.motd
    inline_directives = local.inline_directives
    strip_markers     = local.strip_markers
    escaped           = local.escaped
    unicode           = local.unicode
    multiline_expr    = local.multiline_expr
  }
}

output "user_data" {
  value = local.user_data
}
