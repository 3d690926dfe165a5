variable "hostname" {
  type    = string
  default = "worker"
}

variable "packages" {
  type    = list(string)
  default = ["htop", "jq", "nvme-cli"]
}

variable "mounts" {
  type = map(object({
    device = string
    fs     = optional(string, "xfs")
  }))
  default = {
    "/data" = { device = "/dev/nvme1n1" }
    "/logs" = { device = "/dev/nvme2n1", fs = "ext4" }
  }
}

variable "debug" {
  type    = bool
  default = false
}

variable "ssh_keys" {
  type    = list(string)
  default = []
}

locals {
  # Quoted-string templates with directives and strip markers.
  motd        = "Host ${var.hostname}%{ if var.debug } (DEBUG MODE)%{ endif }"
  package_csv = "%{ for i, p in var.packages }%{ if i > 0 },%{ endif }${p}%{ endfor }"
  ssh_line    = "%{ if length(var.ssh_keys) == 0 }no keys%{ else }${length(var.ssh_keys)} key(s)%{ endif }"
  stripped    = "[${~ " padded " ~}]"
  greeting    = "${var.debug ? "debug-${var.hostname}" : "prod-${upper(var.hostname)}"}"
  nested      = "mounts: ${join(", ", [for path, m in var.mounts : "${path}=%{ if m.fs == "xfs" }X%{ else }${m.fs}%{ endif }"])}"
  deep        = "${"${"${var.hostname}"}"}"

  cloud_config = <<-YAML
    #cloud-config
    hostname: ${var.hostname}
    preserve_hostname: false
    package_update: true
    packages:
    %{~ for p in var.packages }
      - ${p}
    %{~ endfor }

    %{~ if length(var.ssh_keys) > 0 }
    ssh_authorized_keys:
    %{ for k in var.ssh_keys ~}
      - ${k}
    %{ endfor ~}
    %{~ endif }

    fs_setup:
    %{ for path, m in var.mounts ~}
      - label: ${replace(trimprefix(path, "/"), "/", "-")}
        filesystem: ${m.fs}
        device: ${m.device}
        partition: auto
    %{ endfor ~}

    mounts:
    %{ for path, m in var.mounts ~}
      - [ "${m.device}", "${path}", "${m.fs}", "defaults,nofail", "0", "2" ]
    %{ endfor ~}

    write_files:
      - path: /etc/motd
        content: |
          ${local.motd}
      - path: /etc/profile.d/prompt.sh
        permissions: "0644"
        content: |
          export PS1='[\u@\h \W]\$ '
          export PATH="$${PATH}:/opt/acme/bin"
          %%{ this is not a template directive }
    runcmd:
      - [ sh, -c, "echo '${var.debug ? "set -x" : "# quiet"}' >> /etc/environment" ]
      %{~ if var.debug ~}
      - [ sh, -c, "touch /var/run/debug" ]
      %{~ else ~}
      - [ sh, -c, "rm -f /var/run/debug" ]
      %{~ endif ~}
  YAML

  shell_user_data = <<EOT
#!/usr/bin/env bash
# Non-indented heredoc: content is taken literally, including leading spaces.
set -euo pipefail
   echo "three leading spaces kept"
HOST="${var.hostname}"
for pkg in ${join(" ", var.packages)}; do
  dnf install -y "$pkg"
done
echo "done: $${HOST}" > /var/log/user-data.done
%{ if var.debug }
echo "debug enabled"
%{ else }
echo "debug disabled"
%{ endif }
EOT
}

resource "aws_launch_template" "worker" {
  name_prefix = "${var.hostname}-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = base64gzip(local.cloud_config)

  tag_specifications {
    resource_type = "instance"
    tags = {
      Name     = var.hostname
      Motd     = local.motd
      Packages = local.package_csv
    }
  }
}

resource "aws_instance" "scratch" {
  count         = var.debug ? 1 : 0
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.nano"
  user_data     = local.shell_user_data
}

output "rendered" {
  value = {
    motd     = local.motd
    csv      = local.package_csv
    ssh      = local.ssh_line
    stripped = local.stripped
    greeting = local.greeting
    nested   = local.nested
    deep     = local.deep
  }
}
