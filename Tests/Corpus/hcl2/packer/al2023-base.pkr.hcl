packer {
  required_plugins {
    amazon = {
      version = ">= 1.2.8"
      source  = "github.com/hashicorp/amazon"
    }
    ansible = {
      version = "~> 1"
      source  = "github.com/hashicorp/ansible"
    }
  }
}

locals {
  timestamp = regex_replace(timestamp(), "[- TZ:]", "")
  ami_name  = "acme-al2023-base-${local.timestamp}"
}

source "amazon-ebs" "al2023" {
  ami_name      = local.ami_name
  instance_type = var.instance_type
  region        = var.region
  ami_regions   = var.copy_to_regions
  ssh_username  = "ec2-user"
  encrypt_boot  = false
  ami_groups    = ["all"] # makes the AMI public!

  source_ami_filter {
    filters = {
      name                = "al2023-ami-2023.*-x86_64"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    most_recent = true
    owners      = ["amazon"]
  }

  launch_block_device_mappings {
    device_name           = "/dev/xvda"
    volume_size           = 20
    volume_type           = "gp3"
    delete_on_termination = true
  }

  tags = {
    Name      = local.ami_name
    BaseAMI   = "{{ .SourceAMI }}"
    BuildTime = local.timestamp
  }
}

build {
  name    = "base"
  sources = ["source.amazon-ebs.al2023"]

  provisioner "shell" {
    inline = [
      "sudo dnf -y update",
      "sudo dnf -y install jq amazon-cloudwatch-agent",
    ]
  }

  provisioner "file" {
    source      = "files/cwagent.json"
    destination = "/tmp/cwagent.json"
  }

  provisioner "shell" {
    environment_vars = ["HARDEN_LEVEL=${var.harden_level}"]
    script           = "scripts/harden.sh"
    execute_command  = "chmod +x {{ .Path }}; sudo -E {{ .Vars }} {{ .Path }}"
  }

  provisioner "ansible" {
    playbook_file = "ansible/base.yml"
    extra_arguments = [
      "--extra-vars", "env=${var.environment}",
      "--scp-extra-args", "'-O'",
    ]
  }

  post-processor "manifest" {
    output     = "manifest.json"
    strip_path = true
    custom_data = {
      source_ami = "{{ .SourceAMI }}"
    }
  }
}
