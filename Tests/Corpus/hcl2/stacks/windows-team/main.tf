# This stack is maintained by the Windows workstation team; files are checked
# out with core.autocrlf=true, so they carry CRLF line endings.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

data "aws_ami" "windows" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["Windows_Server-2022-English-Full-Base-*"]
  }
}

/*
  RDP is open to the office range only... and to the vendor, who asked for
  "any" because their IP changes.
*/
resource "aws_security_group" "rdp" {
  name   = "win-rdp"
  vpc_id = var.vpc_id

  ingress {
    description = "RDP office"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = [var.office_cidr]
  }

  ingress {
    description = "RDP vendor"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "build_agent" {
  count                  = var.agent_count
  ami                    = data.aws_ami.windows.id
  instance_type          = "m5.xlarge"
  subnet_id              = var.subnet_id
  vpc_security_group_ids = [aws_security_group.rdp.id]
  get_password_data      = true
  key_name               = "windows-agents"

  user_data = <<-EOT
    <powershell>
    $ErrorActionPreference = "Stop"
    Set-TimeZone -Id "W. Europe Standard Time"
    New-Item -ItemType Directory -Force -Path "C:\agent"
    Invoke-WebRequest -Uri "${var.agent_download_url}" -OutFile "C:\agent\agent.zip"
    Expand-Archive -Path "C:\agent\agent.zip" -DestinationPath "C:\agent"
    & "C:\agent\config.cmd" --unattended --url "${var.ci_url}" --pool "windows" --agent "agent-${count.index}"
    </powershell>
    <persist>true</persist>
  EOT

  root_block_device {
    volume_size = 128
    volume_type = "gp3"
  }

  tags = {
    Name = "win-agent-${format("%02d", count.index + 1)}"
    OS   = "windows"
  }
}

output "agent_passwords" {
  value     = [for i in aws_instance.build_agent : rsadecrypt(i.password_data, file("windows-agents.pem"))]
  sensitive = true
}

output "rdp_targets" {
  value = aws_instance.build_agent[*].public_dns
}
